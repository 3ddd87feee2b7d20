package introdl.faces;

import introdl.data.InvalidDataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels UTKFace encodes in every file name, {@code [age]_[gender]_[race]_[date&time].jpg}
 * (the aligned crops end {@code .jpg.chip.jpg}): gender 0 = male, 1 = female; race 0 = White,
 * 1 = Black, 2 = Asian, 3 = Indian, 4 = Others (e.g. Hispanic, Latino, Middle Eastern).
 * UTKFace has no skin-tone label, only this race/ethnicity code, so that is what the groups are.
 *
 * @param age age in years
 * @param gender 0 male, 1 female
 * @param race 0 White, 1 Black, 2 Asian, 3 Indian, 4 Other
 */
public record UtkFaceName(int age, int gender, int race) {
    /** Race names, index = UTKFace race code. */
    public static final List<String> RACES = List.of("White", "Black", "Asian", "Indian", "Other");
    /** Gender names, index = UTKFace gender code. */
    public static final List<String> GENDERS = List.of("male", "female");
    /**
     * The ten gender x race groups, female first ("female White", ..., "female Other",
     * "male White", ...): index = {@link #group()}.
     */
    public static final List<String> GROUPS = groupNames();

    private static final int MAX_AGE = 150;

    public UtkFaceName {
        if (age < 0 || age > MAX_AGE || gender < 0 || gender >= GENDERS.size() || race < 0 || race >= RACES.size()) {
            throw new IllegalArgumentException("age " + age + ", gender " + gender + ", race " + race
                    + " are not UTKFace labels (age 0-" + MAX_AGE + ", gender 0-1, race 0-4)");
        }
    }

    /**
     * Parses a UTKFace file name.
     *
     * @throws InvalidDataException naming the file and saying what was expected, if the name is not
     *     {@code [age]_[gender]_[race]_[date&time]...}
     */
    public static UtkFaceName parse(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String[] fields = name.split("_", -1);
        if (fields.length != 4 || fields[3].isEmpty()) {
            throw invalid(file, "it has " + (fields.length - 1) + " underscore(s), not 3");
        }
        if (!Character.isDigit(fields[3].charAt(0))) {
            throw invalid(file, "the date&time '" + fields[3] + "' does not start with digits");
        }
        int age = number(file, fields[0], "age");
        int gender = number(file, fields[1], "gender");
        int race = number(file, fields[2], "race");
        if (age > MAX_AGE) {
            throw invalid(file, "age " + age + " is not 0-" + MAX_AGE);
        }
        if (gender >= GENDERS.size()) {
            throw invalid(file, "gender " + gender + " is not 0 (male) or 1 (female)");
        }
        if (race >= RACES.size()) {
            throw invalid(file, "race " + race + " is not 0-4 (White, Black, Asian, Indian, Other)");
        }
        return new UtkFaceName(age, gender, race);
    }

    /** The index of this face's group in {@link #GROUPS}: female groups first, then male, each by race code. */
    public int group() {
        return (gender == 1 ? 0 : RACES.size()) + race;
    }

    /** The group name, e.g. "female Black". */
    public String groupName() {
        return GROUPS.get(group());
    }

    private static int number(Path file, String field, String what) {
        if (field.isEmpty() || field.length() > 3 || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(file, what + " '" + field + "' is not a whole number");
        }
        return Integer.parseInt(field);
    }

    private static InvalidDataException invalid(Path file, String problem) {
        return new InvalidDataException(file + " is not a UTKFace file name: " + problem + "; expected "
                + "[age]_[gender]_[race]_[date&time].jpg.chip.jpg with gender 0 (male) or 1 (female) and race "
                + "0-4 (White, Black, Asian, Indian, Other), e.g. 25_1_3_20170119171014312.jpg.chip.jpg. Rename or "
                + "remove the file, or read the folder with other group labels");
    }

    private static List<String> groupNames() {
        List<String> names = new ArrayList<>();
        for (String gender : List.of(GENDERS.get(1), GENDERS.get(0))) {
            for (String race : RACES) {
                names.add(gender + " " + race);
            }
        }
        return List.copyOf(names);
    }
}
