package xiaoer.engine.shop.damage;

import java.util.Optional;

/** The image formats a shopper may upload, recognised by their first bytes (never by the name or a client's type). */
public enum ImageType {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp"), GIF("image/gif");

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format the bytes start with, or empty when they are not one of the accepted images. */
    public static Optional<ImageType> sniff(byte[] b) {
        if (b == null) return Optional.empty();
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (starts(b, new int[]{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return Optional.of(PNG);
        if (starts(b, new int[]{'G', 'I', 'F', '8', '7', 'a'}) || starts(b, new int[]{'G', 'I', 'F', '8', '9', 'a'})) {
            return Optional.of(GIF);
        }
        if (b.length >= 12 && starts(b, new int[]{'R', 'I', 'F', 'F'}) && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int[] magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) return false;
        }
        return true;
    }
}
