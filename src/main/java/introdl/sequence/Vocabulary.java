package introdl.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The characters of a text, each with an index: how text becomes numbers a network can read
 * (an index, then a one-hot vector or a learnt embedding) and how its outputs become text again.
 */
public final class Vocabulary {
    private final char[] characters;
    private final Map<Character, Integer> index = new TreeMap<>();

    private Vocabulary(char[] characters) {
        this.characters = characters;
        for (int i = 0; i < characters.length; i++) {
            index.put(characters[i], i);
        }
    }

    /** The distinct characters of {@code text}, in code order. */
    public static Vocabulary of(String text) {
        TreeSet<Character> distinct = new TreeSet<>();
        for (char c : text.toCharArray()) {
            distinct.add(c);
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs a text with at least one character");
        }
        char[] chars = new char[distinct.size()];
        int i = 0;
        for (char c : distinct) {
            chars[i++] = c;
        }
        return new Vocabulary(chars);
    }

    /** A vocabulary of exactly these characters, in this order (as saved with a model). */
    public static Vocabulary ofCharacters(String characters) {
        return new Vocabulary(characters.toCharArray());
    }

    /** How many characters. */
    public int size() {
        return characters.length;
    }

    /** The characters, in index order, as one string. */
    public String characters() {
        return new String(characters);
    }

    public boolean contains(char c) {
        return index.containsKey(c);
    }

    /** The index of each character. */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Integer id = index.get(text.charAt(i));
            if (id == null) {
                throw new IllegalArgumentException("'" + printable(text.charAt(i)) + "' (at position " + i
                        + ") is not in the vocabulary of " + size() + " characters");
            }
            out[i] = id;
        }
        return out;
    }

    /** The text of these indices. */
    public String decode(int... ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            sb.append(character(id));
        }
        return sb.toString();
    }

    /** The character at index {@code id}. */
    public char character(int id) {
        if (id < 0 || id >= characters.length) {
            throw new IllegalArgumentException("index " + id + " is outside the vocabulary of " + size());
        }
        return characters[id];
    }

    /** One-hot vectors of these indices: shape (n, size), a single 1 per row. */
    public NDArray oneHot(NDManager manager, int... ids) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray hot = scope.create(ids).toType(DataType.INT64, false).oneHot(size());
            hot.attach(manager);
            return hot;
        }
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.valueOf(c);
    }

    @Override
    public String toString() {
        return size() + " characters";
    }
}
