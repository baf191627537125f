package xiaoer.console.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import xiaoer.engine.chat.ChatException;
import xiaoer.engine.chat.LintRejectedException;

import java.util.Map;

/**
 * Maps every failure of the console's controllers to {@link ApiError} JSON with a fitting status; bad input is a 400,
 * never a 500. A lint refusal carries the findings and a corrected text built from the manuals' wording.
 */
@RestControllerAdvice(basePackages = "xiaoer.console")
public class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    /** Engine codes and their status; any other code is a conflict with the conversation's state. */
    private static final Map<String, HttpStatus> STATUS_BY_CODE = Map.of(
            "not_found", HttpStatus.NOT_FOUND,
            "not_waiting", HttpStatus.CONFLICT,
            "not_owned", HttpStatus.FORBIDDEN,
            "empty", HttpStatus.BAD_REQUEST,
            "too_long", HttpStatus.BAD_REQUEST,
            "bad_request", HttpStatus.BAD_REQUEST);

    /** Controllers that know the refused text answer with its corrected version themselves; this is the fallback. */
    @ExceptionHandler(LintRejectedException.class)
    ResponseEntity<LintRefusal> lint(LintRejectedException e) {
        return ResponseEntity.status(LintRefusal.STATUS).body(LintRefusal.of(e.findings(), null));
    }

    @ExceptionHandler(ChatException.class)
    ResponseEntity<ApiError> chat(ChatException e) {
        HttpStatus status = STATUS_BY_CODE.getOrDefault(e.code(), HttpStatus.CONFLICT);
        return ResponseEntity.status(status).body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("malformed", "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError("bad_request", "A request parameter is missing or malformed."));
    }

    /**
     * A form-encoded body (or query) that is not valid UTF-8: Tomcat refuses to decode its parameters when Spring
     * reads an {@code @RequestBody} from them. Bad input, not a server fault (the fuzz test found it as a 500).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ApiError> undecodableParameters(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError("bad_request",
                "The request's parameters are not valid UTF-8."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("unsupported_media_type", "Send the body as application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("method_not_allowed", "This address does not take " + e.getMethod() + "."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("console request failed", e);
        return ResponseEntity.internalServerError().body(new ApiError("internal", "Something went wrong on our side."));
    }
}
