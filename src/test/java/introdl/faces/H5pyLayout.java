package introdl.faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a face set in the byte layout h5py gives the course's {@code train_face.h5}, which jHDF's
 * own writer cannot produce: superblock version 0, a version-1 symbol-table root group, and each
 * dataset's object header followed by its contiguous data in creation order, {@code labels}
 * (N x 1 float32) first and then {@code images} (N x 64 x 64 x 3 uint8). Cut short, such a file keeps
 * all its metadata and labels and loses only images, the case jHDF reads without complaint.
 * (jHDF writes datasets in name order, images first, and a cut there loses the labels' header.)
 *
 * <p>Structures follow the HDF5 file format specification (version 0 superblock, local heap, v1
 * B-tree, symbol table node, version 1 object headers with dataspace, datatype and layout messages).
 */
final class H5pyLayout {
    private static final long UNDEFINED = -1L; // HDF5's undefined address: all bytes 0xff
    private static final int SUPERBLOCK = 96;
    private static final int MESSAGE_HEADER = 8;

    private H5pyLayout() {}

    /** Writes {@code labels} and {@code images} (n x 64 x 64 x 3 BGR bytes, image-major) to {@code file}. */
    static Path write(Path file, float[] labels, byte[] images) {
        int n = labels.length;
        if (images.length != n * 64 * 64 * 3) {
            throw new IllegalArgumentException("images must hold " + n + " x 64 x 64 x 3 bytes");
        }
        int rootHeader = SUPERBLOCK;
        int heap = rootHeader + objectHeaderSize(new byte[][] {symbolTableMessage(0, 0)});
        int heapData = heap + 32;
        int btree = heapData + 24;
        int symbols = btree + 48;
        int labelsHeader = symbols + 8 + 2 * 40;
        byte[][] labelMessages = datasetMessages(new long[] {n, 1}, floatType(), 0, 4L * n);
        int labelsData = labelsHeader + objectHeaderSize(labelMessages);
        int imagesHeader = labelsData + 4 * n;
        byte[][] imageMessages = datasetMessages(new long[] {n, 64, 64, 3}, uint8Type(), 0, images.length);
        int imagesData = imagesHeader + objectHeaderSize(imageMessages);
        int end = imagesData + images.length;
        // the data addresses are known only now (they do not change the messages' sizes)
        labelMessages = datasetMessages(new long[] {n, 1}, floatType(), labelsData, 4L * n);
        imageMessages = datasetMessages(new long[] {n, 64, 64, 3}, uint8Type(), imagesData, images.length);

        ByteBuffer out = ByteBuffer.allocate(end).order(ByteOrder.LITTLE_ENDIAN);
        superblock(out, end, rootHeader, btree, heap);
        out.position(rootHeader);
        objectHeader(out, symbolTableMessage(btree, heap));
        out.position(heap);
        localHeap(out, heapData);
        out.position(btree);
        groupBTree(out, symbols);
        out.position(symbols);
        symbolTableNode(out, imagesHeader, labelsHeader);
        out.position(labelsHeader);
        objectHeader(out, labelMessages);
        for (float label : labels) {
            out.putFloat(label);
        }
        out.position(imagesHeader);
        objectHeader(out, imageMessages);
        out.put(images);
        try {
            return Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void superblock(ByteBuffer out, long end, long rootHeader, long btree, long heap) {
        out.put(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
        out.put(new byte[] {0, 0, 0, 0, 0, 8, 8, 0}); // versions 0, offsets and lengths of 8 bytes
        out.putShort((short) 4).putShort((short) 16); // group leaf and internal node K
        out.putInt(0); // file consistency flags
        out.putLong(0).putLong(UNDEFINED).putLong(end).putLong(UNDEFINED); // base, free space, end of file, driver
        symbolTableEntry(out, 0, rootHeader, 1, btree, heap);
    }

    private static void symbolTableEntry(ByteBuffer out, long name, long header, int cache, long btree, long heap) {
        out.putLong(name).putLong(header).putInt(cache).putInt(0);
        out.putLong(cache == 1 ? btree : 0).putLong(cache == 1 ? heap : 0);
    }

    /** The root group's names: "", "images", "labels", each padded to 8 bytes (offsets 0, 8, 16). */
    private static void localHeap(ByteBuffer out, long data) {
        out.put("HEAP".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {0, 0, 0, 0});
        out.putLong(24).putLong(UNDEFINED).putLong(data); // data size, no free block, data address
        out.put(new byte[8]).put(padded("images")).put(padded("labels"));
    }

    private static byte[] padded(String name) {
        byte[] bytes = new byte[8];
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, name.length());
        return bytes;
    }

    private static void groupBTree(ByteBuffer out, long symbols) {
        out.put("TREE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0).putShort((short) 1);
        out.putLong(UNDEFINED).putLong(UNDEFINED); // no siblings
        out.putLong(0).putLong(symbols).putLong(16); // key "", the node, key "labels" (its last name)
    }

    private static void symbolTableNode(ByteBuffer out, long imagesHeader, long labelsHeader) {
        out.put("SNOD".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) 2);
        symbolTableEntry(out, 8, imagesHeader, 0, 0, 0);
        symbolTableEntry(out, 16, labelsHeader, 0, 0, 0);
    }

    private static int objectHeaderSize(byte[][] messages) {
        int size = 16;
        for (byte[] m : messages) {
            size += m.length;
        }
        return size;
    }

    /** A version 1 object header: 12 bytes, padded to 16, then the messages (each a multiple of 8 bytes). */
    private static void objectHeader(ByteBuffer out, byte[]... messages) {
        int size = objectHeaderSize(messages) - 16;
        out.put((byte) 1).put((byte) 0).putShort((short) messages.length).putInt(1).putInt(size).putInt(0);
        for (byte[] m : messages) {
            out.put(m);
        }
    }

    private static byte[] message(int type, ByteBuffer data) {
        int length = (data.position() + 7) / 8 * 8;
        ByteBuffer m = ByteBuffer.allocate(MESSAGE_HEADER + length).order(ByteOrder.LITTLE_ENDIAN);
        m.putShort((short) type).putShort((short) length).put((byte) 0).put(new byte[3]);
        m.put(data.array(), 0, data.position());
        return m.array();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] symbolTableMessage(long btree, long heap) {
        return message(0x11, buffer(16).putLong(btree).putLong(heap));
    }

    private static byte[][] datasetMessages(long[] dims, byte[] type, long address, long size) {
        ByteBuffer space = buffer(8 + 8 * dims.length).put((byte) 1).put((byte) dims.length).put((byte) 0)
                .put(new byte[5]);
        for (long d : dims) {
            space.putLong(d);
        }
        ByteBuffer layout = buffer(18).put((byte) 3).put((byte) 1).putLong(address).putLong(size);
        return new byte[][] {message(0x01, space), message(0x03, buffer(type.length).put(type)),
                message(0x08, layout)};
    }

    /** Datatype: fixed point, version 1, little-endian, unsigned, 1 byte of 8 bits. */
    private static byte[] uint8Type() {
        return buffer(12).put((byte) 0x10).put(new byte[3]).putInt(1).putShort((short) 0).putShort((short) 8)
                .array();
    }

    /** Datatype: IEEE float32, version 1, little-endian (sign bit 31, exponent 23+8, mantissa 0+23, bias 127). */
    private static byte[] floatType() {
        return buffer(20).put((byte) 0x11).put((byte) 0x20).put((byte) 31).put((byte) 0).putInt(4)
                .putShort((short) 0).putShort((short) 32).put((byte) 23).put((byte) 8).put((byte) 0).put((byte) 23)
                .putInt(127).array();
    }
}
