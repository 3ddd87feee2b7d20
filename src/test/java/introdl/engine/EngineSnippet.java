package introdl.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Plain library use: DJL's engine started directly, with introdl merely on the class path. */
public final class EngineSnippet {
    private EngineSnippet() {}

    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager()) {
            System.out.println("sum " + manager.ones(new Shape(2)).sum().getFloat());
        }
    }
}
