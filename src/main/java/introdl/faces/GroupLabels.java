package introdl.faces;

import introdl.data.InvalidDataException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * How {@link FaceFolders} gives each face image a group, the attribute a bias audit compares:
 * none, the labels UTKFace encodes in its file names, or the sub-folder a face sits in. Group
 * names are known only once the files are listed (sub-folders), so a strategy labels a whole
 * folder at once.
 */
@FunctionalInterface
public interface GroupLabels {
    /**
     * The groups of a folder's face images.
     *
     * @param group the index of each file's group in {@code names}, or -1 for none
     */
    record Assignment(List<String> names, int[] group) {
        public Assignment {
            names = List.copyOf(names);
        }
    }

    /**
     * Labels the face images of {@code folder}.
     *
     * @param folder the faces folder
     * @param files each image's path relative to {@code folder}, in reading order
     * @throws InvalidDataException naming the file when one cannot be labelled
     */
    Assignment assign(Path folder, List<Path> files);

    /** No groups: every face gets -1. */
    static GroupLabels none() {
        return (folder, files) -> {
            int[] group = new int[files.size()];
            java.util.Arrays.fill(group, FaceSet.NO_GROUP);
            return new Assignment(List.of(), group);
        };
    }

    /**
     * UTKFace's labels from each file name ({@link UtkFaceName}): ten gender x race groups in the
     * order of {@link UtkFaceName#GROUPS}. A name that does not parse is an error naming the file.
     */
    static GroupLabels utkFace() {
        return (folder, files) -> {
            int[] group = new int[files.size()];
            for (int i = 0; i < group.length; i++) {
                group[i] = UtkFaceName.parse(folder.resolve(files.get(i))).group();
            }
            return new Assignment(UtkFaceName.GROUPS, group);
        };
    }

    /**
     * The first sub-folder under the faces folder is the group ({@code faces/glasses/a.jpg} is in
     * group "glasses"); groups are named and ordered by folder name. An image directly in the faces
     * folder is an error naming it, since it would silently fall out of every group.
     */
    static GroupLabels bySubfolder() {
        return (folder, files) -> {
            TreeSet<String> names = new TreeSet<>();
            for (Path file : files) {
                if (file.getNameCount() < 2) {
                    throw new InvalidDataException(folder.resolve(file) + " is directly in the faces folder " + folder
                            + "; with groups by sub-folder every face must be in a sub-folder named after its group "
                            + "(e.g. " + folder.resolve("groupA").resolve(file) + ")");
                }
                names.add(file.getName(0).toString());
            }
            List<String> ordered = List.copyOf(names);
            int[] group = new int[files.size()];
            for (int i = 0; i < group.length; i++) {
                group[i] = ordered.indexOf(files.get(i).getName(0).toString());
            }
            return new Assignment(ordered, group);
        };
    }
}
