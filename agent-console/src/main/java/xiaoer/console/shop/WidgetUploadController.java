package xiaoer.console.shop;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import xiaoer.engine.chat.ChatEngine;
import xiaoer.engine.chat.ChatEvent;
import xiaoer.engine.chat.ChatException;
import xiaoer.engine.chat.Visitor;
import xiaoer.engine.shop.ShopNotices;
import xiaoer.engine.shop.damage.Attachment;
import xiaoer.engine.shop.damage.DamageDesk;
import xiaoer.engine.shop.damage.UploadGrant;
import xiaoer.engine.shop.damage.UploadRefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shopper's photo (damaged / missing / wrong item, domain.md §8): the raw image is the request body, the
 * {@code X-Upload-Token} header the token the widget server issued for the visitor's open conversation. The file is
 * checked (size, magic bytes, count per conversation) before anything is stored; then a shopper event "[图片]" with
 * the attachment id goes into the conversation, where the agents see the photo.
 *
 * <p>Answers 201 {@code {id, seq, mediaType, size}}, or {@code {error, message}}: 401 token, 413 too_large,
 * 415 not_image, 409 too_many / closed, 400 empty.
 */
@RestController
public class WidgetUploadController {

    public static final String TOKEN_HEADER = "X-Upload-Token";
    private static final Logger log = LoggerFactory.getLogger(WidgetUploadController.class);

    private final DamageDesk desk;
    private final ChatEngine engine;
    private final ShopNotices notices = new ShopNotices();

    public WidgetUploadController(DamageDesk desk, ChatEngine engine) {
        this.desk = desk;
        this.engine = engine;
    }

    @PostMapping("/api/widget/uploads")
    public ResponseEntity<Map<String, Object>> upload(@RequestHeader(value = TOKEN_HEADER, required = false) String token,
                                                      HttpServletRequest request) throws IOException {
        try {
            UploadGrant grant = desk.checkToken(token);
            long max = desk.uploadRules().maxBytes();
            if (request.getContentLengthLong() > max) throw tooLarge(max);
            byte[] data = readAtMost(request.getInputStream(), max + 1);
            Visitor visitor = Visitor.anonymous(grant.shop(), grant.visitorId());
            if (engine.openConversationOf(visitor).filter(c -> c.id().equals(grant.conversationId())).isEmpty()) {
                return error(HttpStatus.CONFLICT, "closed", "这个会话已经结束了，请重新发起咨询后再上传照片哦~");
            }
            Attachment a = desk.store(grant, data);
            ChatEvent e = engine.shopperAttachment(visitor, grant.conversationId(), "[图片]",
                    Map.of("attachmentId", a.id(), "mediaType", a.mediaType(), "kind", "image"));
            try {
                engine.notifyShopper(visitor, notices.photoReceived(engine.languageOf(visitor)), Map.of("notice", "photo"));
            } catch (RuntimeException ex) {
                log.warn("could not thank {} for the photo: {}", visitor.key(), ex.toString());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", a.id());
            body.put("seq", e.seq());
            body.put("mediaType", a.mediaType());
            body.put("size", a.size());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        } catch (UploadRefusedException e) {
            return switch (e.code()) {
                case "token" -> error(HttpStatus.UNAUTHORIZED, "token", "上传链接已失效，请重新点击📷上传哦~");
                case "too_large" -> error(HttpStatus.PAYLOAD_TOO_LARGE, "too_large",
                        "图片太大了，请上传不超过 " + (desk.uploadRules().maxBytes() / (1024 * 1024)) + " MB 的照片哦~");
                case "not_image" -> error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not_image",
                        "只能上传图片哦（JPG、PNG、WebP 或 GIF），请重新选择~");
                case "too_many" -> error(HttpStatus.CONFLICT, "too_many",
                        "这个会话上传的照片已经够多啦，客服会先为您核实，请您稍等~");
                default -> error(HttpStatus.BAD_REQUEST, e.code(), "没有收到照片内容，请重新选择后再试一次~");
            };
        } catch (ChatException e) {
            return error(HttpStatus.CONFLICT, "closed", "这个会话已经结束了，请重新发起咨询后再上传照片哦~");
        }
    }

    private static UploadRefusedException tooLarge(long max) {
        return new UploadRefusedException("too_large", "larger than " + max + " bytes");
    }

    /** Reads up to {@code limit} bytes; one more than the maximum is enough to know the file is too large. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        return data;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
