package xiaoer.engine.shop.damage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Takes where a photo was taken, and other text a camera or an editor wrote into it, out of a shopper's upload before
 * it is stored (domain.md §9: customer information is confidential; a phone photo of a parcel carries the shopper's
 * home coordinates). The picture itself is left byte for byte:
 * <ul>
 *   <li>JPEG: the EXIF block stays (its orientation turns phone photos upright) with its GPS directory emptied and
 *   the GPS values zeroed; XMP, Photoshop/IPTC and comment segments are dropped.</li>
 *   <li>PNG: the {@code eXIf}, {@code tEXt}, {@code zTXt} and {@code iTXt} chunks (EXIF, text, XMP) are dropped.</li>
 *   <li>WebP: the {@code EXIF} and {@code XMP } chunks are dropped and their flags cleared.</li>
 *   <li>GIF carries no location; it is kept as it is.</li>
 * </ul>
 * A file whose structure cannot be followed is refused ({@link UploadRefusedException}), never stored unscrubbed.
 */
final class PhotoScrubber {

    private static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt");
    private static final int GPS_IFD_TAG = 0x8825;
    /** Bytes per value of each TIFF field type (index = type; 0 = unknown type). */
    private static final int[] TIFF_TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    private PhotoScrubber() {
    }

    static byte[] scrub(ImageType type, byte[] data) {
        try {
            return switch (type) {
                case JPEG -> jpeg(data);
                case PNG -> png(data);
                case WEBP -> webp(data);
                case GIF -> data;
            };
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new UploadRefusedException("not_image", "the image could not be read: " + e.getMessage());
        }
    }

    // ---- JPEG: segments up to the start of scan, then the compressed picture as it is ----

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2); // SOI
        int p = 2;
        while (true) {
            if ((in[p] & 0xff) != 0xFF) throw new IllegalArgumentException("no JPEG marker at " + p);
            int marker = in[p + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) { // no length
                out.write(in, p, 2);
                p += 2;
                if (marker == 0xD9) return out.toByteArray();
                continue;
            }
            int length = u16(in, p + 2, false);
            if (length < 2 || p + 2 + length > in.length) throw new IllegalArgumentException("bad segment length");
            int start = p + 4;
            int end = p + 2 + length;
            if (marker == 0xDA) { // start of scan: the rest is the picture
                out.write(in, p, in.length - p);
                return out.toByteArray();
            }
            boolean drop = marker == 0xFE || marker == 0xED || marker == 0xEC // comment, Photoshop/IPTC, Ducky
                    || (marker == 0xE1 && !startsWith(in, start, EXIF_ID)); // XMP and other APP1 blocks
            if (!drop) {
                byte[] segment = Arrays.copyOfRange(in, p, end);
                if (marker == 0xE1) clearGps(segment, 4 + EXIF_ID.length);
                out.write(segment, 0, segment.length);
            }
            p = end;
        }
    }

    /** Empties the GPS directory of the TIFF structure at {@code tiff} and zeroes the values it pointed to. */
    private static void clearGps(byte[] b, int tiff) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) throw new IllegalArgumentException("bad TIFF header");
        int ifd0 = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd0, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd0 + 2 + 12 * i;
            if (u16(b, entry, little) != GPS_IFD_TAG) continue;
            int gps = tiff + (int) u32(b, entry + 8, little);
            int gpsEntries = u16(b, gps, little);
            for (int j = 0; j < gpsEntries; j++) {
                int e = gps + 2 + 12 * j;
                int fieldType = u16(b, e + 2, little);
                long bytes = (fieldType < TIFF_TYPE_SIZE.length ? TIFF_TYPE_SIZE[fieldType] : 1) * u32(b, e + 4, little);
                if (bytes > 4) {
                    int at = tiff + (int) u32(b, e + 8, little);
                    if (at < tiff || at + bytes > b.length) throw new IllegalArgumentException("bad GPS value offset");
                    Arrays.fill(b, at, (int) (at + bytes), (byte) 0);
                }
            }
            Arrays.fill(b, gps, gps + 2 + 12 * gpsEntries, (byte) 0); // no entries left
        }
    }

    // ---- PNG: chunks, each length + type + data + CRC ----

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int p = 8;
        while (p < in.length) {
            long length = u32(in, p, false);
            if (length > in.length - p - 12L) throw new IllegalArgumentException("bad PNG chunk length");
            String chunk = new String(in, p + 4, 4, StandardCharsets.ISO_8859_1);
            int end = p + 12 + (int) length;
            if (!PNG_DROPPED.contains(chunk)) out.write(in, p, end - p);
            p = end;
            if (chunk.equals("IEND")) break;
        }
        return out.toByteArray();
    }

    // ---- WebP: a RIFF container of chunks, each fourCC + little-endian size + data (padded to even) ----

    private static byte[] webp(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int vp8xFlags = -1;
        int p = 12;
        int riffEnd = (int) Math.min(in.length, 8 + u32(in, 4, true));
        out.write(in, 0, 12);
        while (p + 8 <= riffEnd) {
            String chunk = new String(in, p, 4, StandardCharsets.ISO_8859_1);
            long size = u32(in, p + 4, true);
            long end = p + 8 + size + (size & 1);
            if (end > riffEnd) throw new IllegalArgumentException("bad WebP chunk size");
            if (!chunk.equals("EXIF") && !chunk.equals("XMP ")) {
                if (chunk.equals("VP8X")) vp8xFlags = out.size() + 8;
                out.write(in, p, (int) (end - p));
            }
            p = (int) end;
        }
        byte[] result = out.toByteArray();
        if (vp8xFlags >= 0) result[vp8xFlags] &= (byte) ~0x0C; // the EXIF and XMP flags
        long riffSize = result.length - 8L;
        for (int i = 0; i < 4; i++) result[4 + i] = (byte) (riffSize >>> (8 * i));
        return result;
    }

    // ---- bytes ----

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return little ? x | y << 8 : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xff) << shift;
        }
        return v;
    }
}
