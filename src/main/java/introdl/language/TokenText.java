package introdl.language;

/** How a token looks in a notebook: quoted, so a leading space shows, with control characters escaped. */
final class TokenText {
    private TokenText() {}

    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('\'');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('\'').toString();
    }
}
