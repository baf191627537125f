package xiaoer.engine.shop.damage;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A phone photo's location and embedded text are taken out before it is stored; the picture still decodes the same
 * and a JPEG keeps its orientation. Real images written by ImageIO, with the metadata blocks cameras and editors add.
 */
class PhotoScrubberTests {

    /** 31° 14′ N (Shanghai), as three TIFF rationals: the bytes that must not survive. */
    private static final int[] LATITUDE = {31, 1, 14, 1, 0, 1};

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, (x * 40) << 16 | (y * 40) << 8 | 90);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] data) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(data));
    }

    /** An EXIF APP1 segment, big-endian TIFF: IFD0 = orientation 6 + GPS pointer; GPS IFD = latitude ref + value. */
    private static byte[] exifSegment() {
        ByteBuffer t = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
        t.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        t.putShort((short) 2); // IFD0 at 8: two entries
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0); // orientation
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38); // GPS IFD at 38
        t.putInt(0); // no next IFD
        t.putShort((short) 2); // GPS IFD at 38: two entries
        t.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        t.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68); // latitude: 3 rationals at 68
        t.putInt(0);
        for (int v : LATITUDE) t.putInt(v); // at 68
        byte[] tiff = Arrays.copyOf(t.array(), t.position());
        byte[] id = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        return segment(0xE1, concat(id, tiff));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.write(p, 0, p.length);
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    private static byte[] latitudeBytes() {
        ByteBuffer b = ByteBuffer.allocate(24);
        for (int v : LATITUDE) b.putInt(v);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aJpegLosesItsLocationXmpAndCommentsButKeepsItsOrientationAndPicture() throws IOException {
        byte[] plain = image("jpg", 16, 8);
        byte[] xmp = segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>31,14N"));
        byte[] comment = segment(0xFE, ascii("shot at Home, 88 Nanjing Road"));
        // after SOI and the JFIF segment, as cameras write them
        int jfifEnd = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
        byte[] photo = concat(Arrays.copyOf(plain, jfifEnd), exifSegment(), xmp, comment,
                Arrays.copyOfRange(plain, jfifEnd, plain.length));
        assertThat(contains(photo, latitudeBytes())).as("the fixture carries a location").isTrue();

        byte[] clean = PhotoScrubber.scrub(ImageType.JPEG, photo);

        assertThat(contains(clean, latitudeBytes())).as("GPS values zeroed").isFalse();
        assertThat(contains(clean, ascii("GPSLatitude"))).as("XMP dropped").isFalse();
        assertThat(contains(clean, ascii("Nanjing Road"))).as("comment dropped").isFalse();
        assertThat(contains(clean, ascii("Exif\0\0MM"))).as("EXIF kept").isTrue();
        assertThat(contains(clean, new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6})).as("orientation kept").isTrue();
        assertThat(Arrays.copyOfRange(clean, clean.length - plain.length + jfifEnd, clean.length))
                .as("the compressed picture, byte for byte").isEqualTo(Arrays.copyOfRange(plain, jfifEnd, plain.length));
        BufferedImage decoded = decode(clean);
        assertThat(decoded.getWidth()).isEqualTo(16);
        assertThat(decoded.getHeight()).isEqualTo(8);
        assertThat(PhotoScrubber.scrub(ImageType.JPEG, plain)).as("nothing to take out").isEqualTo(plain);
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(ascii(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void aPngLosesItsExifAndTextChunksAndStillDecodes() throws IOException {
        byte[] plain = image("png", 4, 4);
        int ihdrEnd = 8 + 12 + 13;
        byte[] photo = concat(Arrays.copyOf(plain, ihdrEnd), pngChunk("tEXt", ascii("Location\0Shanghai")),
                pngChunk("eXIf", ascii("MM\0*GPS")), pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0GPSLatitude")),
                Arrays.copyOfRange(plain, ihdrEnd, plain.length));

        byte[] clean = PhotoScrubber.scrub(ImageType.PNG, photo);

        assertThat(clean).isEqualTo(plain);
        assertThat(decode(clean).getWidth()).isEqualTo(4);
    }

    private static byte[] riffChunk(String fourCc, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii(fourCc)).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() {
        byte[] vp8x = riffChunk("VP8X", new byte[] {0x0C, 0, 0, 0, 3, 0, 0, 3, 0, 0}); // EXIF + XMP flags, 4×4
        byte[] picture = riffChunk("VP8L", new byte[] {0x2F, 3, (byte) 0xC0, 0, 7});
        byte[] exif = riffChunk("EXIF", ascii("MM\0*GPS 31N"));
        byte[] xmp = riffChunk("XMP ", ascii("<GPSLatitude>"));
        byte[] body = concat(ascii("WEBP"), vp8x, picture, exif, xmp);
        byte[] photo = concat(ascii("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length)
                .array(), body);

        byte[] clean = PhotoScrubber.scrub(ImageType.WEBP, photo);

        assertThat(contains(clean, ascii("GPS"))).isFalse();
        assertThat(clean).hasSize(12 + vp8x.length + picture.length);
        assertThat(ByteBuffer.wrap(clean, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(clean.length - 8);
        assertThat(clean[20]).as("flags cleared").isZero();
        assertThat(Arrays.copyOfRange(clean, 12 + vp8x.length, clean.length)).isEqualTo(picture);
    }

    @Test
    void aFileWhoseStructureCannotBeFollowedIsRefusedNotStoredAsItIs() {
        byte[] truncatedJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
        assertThatThrownBy(() -> PhotoScrubber.scrub(ImageType.JPEG, truncatedJpeg))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "not_image");
        byte[] badPng = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x7F, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> PhotoScrubber.scrub(ImageType.PNG, badPng))
                .isInstanceOf(UploadRefusedException.class).hasFieldOrPropertyWithValue("code", "not_image");
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0};
        assertThat(PhotoScrubber.scrub(ImageType.GIF, gif)).isEqualTo(gif);
    }
}
