namespace PcDarts.Engine.Data.Folders;

/// <summary>
/// The files of one split of an image-folder data set: one subfolder per class (classes are the folder names in
/// ordinal order, as torchvision's ImageFolder sorts them), each holding JPEG or PNG files, sorted by name. Only paths and
/// labels are held: an ImageNet-sized set is 1.3 M paths, the pixels are read batch by batch.
/// </summary>
public sealed class ImageFolderIndex
{
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png"];

    private ImageFolderIndex(string folder, IReadOnlyList<string> classNames, string[] files, int[] labels)
    {
        Folder = folder;
        ClassNames = classNames;
        Files = files;
        Labels = labels;
    }

    public string Folder { get; }
    public IReadOnlyList<string> ClassNames { get; }
    public string[] Files { get; }
    public int[] Labels { get; }

    /// <summary>The split folder's class names, sorted; an error naming the folder when it is missing or has none.</summary>
    public static IReadOnlyList<string> ReadClassNames(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DataFormatException(folder, "no such folder (an image-folder data set holds train/ and val/, one subfolder per class of JPEG or PNG files).");
        var names = Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        return names.Length > 0 ? names : throw new DataFormatException(folder, "has no class subfolders.");
    }

    /// <summary>
    /// Reads <paramref name="folder"/>. With <paramref name="classNames"/> (the training split's) a class folder may be
    /// absent here but an unknown one is an error; without, the folder's own classes are used.
    /// </summary>
    public static ImageFolderIndex Read(string folder, IReadOnlyList<string>? classNames = null)
    {
        var present = ReadClassNames(folder);
        var classes = classNames ?? present;
        var unknown = present.Except(classes).FirstOrDefault();
        if (unknown is not null)
            throw new DataFormatException(Path.Combine(folder, unknown), "is not a class of the training split.");

        var files = new List<string>();
        var labels = new List<int>();
        foreach (var name in present)
        {
            var classFolder = Path.Combine(folder, name);
            var images = Directory.EnumerateFiles(classFolder)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray();
            if (images.Length == 0)
                throw new DataFormatException(classFolder, "the class folder holds no JPEG or PNG image.");
            var label = IndexOf(classes, name);
            files.AddRange(images);
            labels.AddRange(Enumerable.Repeat(label, images.Length));
        }
        return new ImageFolderIndex(folder, classes, files.ToArray(), labels.ToArray());
    }

    /// <summary>The first <paramref name="count"/> files.</summary>
    public ImageFolderIndex Take(int count) => new(Folder, ClassNames, Files[..count], Labels[..count]);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
