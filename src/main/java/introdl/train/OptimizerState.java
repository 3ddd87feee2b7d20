package introdl.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and restores the internal state of a DJL optimiser (Adam's moments, momentum buffers,
 * update counts), so a resumed run continues exactly where it stopped. DJL keeps this state in
 * private fields and offers no API for it; this class finds the fields by their types
 * ({@code Map<String, Map<Device, NDArray>>} for per-parameter arrays, {@code updateCounts} and
 * {@code numUpdate} for counters). DJL keys the state by parameter ids, which are new random
 * ids in every process, so the state is saved under the parameters' names in the block and
 * re-keyed to the new ids on restore. The resume tests fail if a DJL release moves the fields.
 *
 * <p>With several GPUs every device holds a copy of each state array; the copies are equal (every
 * device applies the same reduced gradient), so one is saved and restored to the first device,
 * and DJL copies it to the others when they first ask for it.
 */
final class OptimizerState {
    private static final int VERSION = 1;

    private OptimizerState() {}

    /** Encodes the state of {@code optimizer}, which trains {@code block}. */
    static byte[] save(Optimizer optimizer, Block block) {
        Map<String, String> names = new HashMap<>();
        block.getParameters().forEach(p -> names.put(p.getValue().getId(), p.getKey()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt((Integer) read(counterField("numUpdate"), optimizer));
            Map<String, Integer> counts = new TreeMap<>(updateCounts(optimizer));
            out.writeInt(counts.size());
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                out.writeUTF(nameOf(names, e.getKey()));
                out.writeInt(e.getValue());
            }
            List<Field> fields = stateFields(optimizer.getClass());
            out.writeInt(fields.size());
            for (Field field : fields) {
                Map<String, Map<Device, NDArray>> state = stateOf(field, optimizer);
                out.writeUTF(field.getName());
                Map<String, Map<Device, NDArray>> sorted = new TreeMap<>(state);
                out.writeInt(sorted.size());
                for (Map.Entry<String, Map<Device, NDArray>> e : sorted.entrySet()) {
                    out.writeUTF(nameOf(names, e.getKey()));
                    byte[] array = e.getValue().values().iterator().next().encode();
                    out.writeInt(array.length);
                    out.write(array);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores state saved by {@link #save} into a freshly built optimiser of the same kind.
     *
     * @param manager owns the restored arrays (the trainer's manager, so they live as long as it)
     * @param device where the parameters live
     */
    static void restore(Optimizer optimizer, byte[] encoded, Block block, NDManager manager, Device device) {
        Map<String, String> ids = new HashMap<>();
        block.getParameters().forEach(p -> ids.put(p.getKey(), p.getValue().getId()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalStateException("optimiser state version " + version + " is not supported");
            }
            write(counterField("numUpdate"), optimizer, in.readInt());
            Map<String, Integer> counts = updateCounts(optimizer);
            counts.clear();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                counts.put(idOf(ids, in.readUTF()), in.readInt());
            }
            List<Field> fields = stateFields(optimizer.getClass());
            int fieldCount = in.readInt();
            if (fieldCount != fields.size()) {
                throw new IllegalStateException("the checkpoint's optimiser has " + fieldCount
                        + " state fields but " + optimizer.getClass().getSimpleName() + " has " + fields.size()
                        + ": was it trained with another optimiser?");
            }
            for (int f = 0; f < fieldCount; f++) {
                String name = in.readUTF();
                Field field = fields.stream().filter(x -> x.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the checkpoint's optimiser has state '"
                                + name + "' that " + optimizer.getClass().getSimpleName() + " lacks"));
                Map<String, Map<Device, NDArray>> state = stateOf(field, optimizer);
                state.clear();
                int entries = in.readInt();
                for (int i = 0; i < entries; i++) {
                    String parameterId = idOf(ids, in.readUTF());
                    byte[] array = new byte[in.readInt()];
                    in.readFully(array);
                    NDArray value = NDArray.decode(manager, array).toDevice(device, false);
                    value.attach(manager);
                    Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
                    perDevice.put(device, value);
                    state.put(parameterId, perDevice);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the optimiser state in the checkpoint is corrupt: " + e.getMessage(), e);
        }
    }

    private static String nameOf(Map<String, String> names, String id) {
        String name = names.get(id);
        if (name == null) {
            throw new IllegalStateException("the optimiser holds state for parameter " + id + ", which is not in the model");
        }
        return name;
    }

    private static String idOf(Map<String, String> ids, String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("the checkpoint's optimiser state is for parameter '" + name
                    + "', which this model does not have: it is a different model");
        }
        return id;
    }

    private static List<Field> stateFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && isPerParameterArrays(field.getGenericType())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        fields.sort((a, b) -> a.getName().compareTo(b.getName()));
        return fields;
    }

    private static boolean isPerParameterArrays(Type type) {
        if (!(type instanceof ParameterizedType outer) || outer.getRawType() != Map.class) {
            return false;
        }
        Type value = outer.getActualTypeArguments()[1];
        return value instanceof ParameterizedType inner && inner.getRawType() == Map.class
                && inner.getActualTypeArguments()[0] == Device.class
                && inner.getActualTypeArguments()[1] == NDArray.class;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> stateOf(Field field, Optimizer optimizer) {
        return (Map<String, Map<Device, NDArray>>) read(field, optimizer);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> updateCounts(Optimizer optimizer) {
        return (Map<String, Integer>) read(counterField("updateCounts"), optimizer);
    }

    private static Field counterField(String name) {
        try {
            Field field = Optimizer.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this DJL version's Optimizer has no field '" + name
                    + "'; introdl cannot checkpoint its optimiser state", e);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
