package introdl.data;

/** A dataset cut in two: the part a model learns from and the part it is judged on. */
public record Split(Examples train, Examples test) {
    @Override
    public String toString() {
        return "Split[train=" + train.size() + ", test=" + test.size() + "]";
    }
}
