using PcDarts.Core.Specs;

namespace PcDarts.Core.Tests.Specs;

public sealed class DatasetRegistrationTests
{
    [Fact]
    public void A_spec_names_a_registered_set_only_where_the_caller_knows_it()
    {
        var spec = new SearchSpec { Dataset = "flowers" };
        var error = Assert.Single(spec.Validate());
        Assert.Equal("dataset", error.Field);
        Assert.Contains("fashion-mnist, cifar10, synthetic", error.Message);

        Assert.Empty(spec.Validate([.. DatasetNames.All, "flowers"]));
        Assert.Empty(new RetrainSpec { Dataset = "flowers" }.Validate([.. DatasetNames.All, "flowers"]));
        Assert.Throws<SpecValidationException>(() => spec.EnsureValid());
        Assert.Same(spec, spec.EnsureValid([.. DatasetNames.All, "flowers"]));
    }

    [Fact]
    public void A_registration_needs_a_fresh_name_a_known_layout_an_absolute_path_and_usable_sizes()
    {
        Assert.Empty(DatasetRegistration.Validate("flowers-102", DatasetFormats.ImageFolder, "/data/flowers", 224, 102, null));

        var fields = DatasetRegistration.Validate("synthetic", "png", "data/flowers", 7, 1, new string('x', 501)).Select(e => e.Field);
        Assert.Equal(["name", "format", "path", "imageSize", "classes", "description"], fields);
        Assert.Equal("name", Assert.Single(DatasetRegistration.Validate("Flowers 102", DatasetFormats.Idx, "/d", 28, 10, null)).Field);
        // On an update the name is the key and is not checked again.
        Assert.Empty(DatasetRegistration.Validate(null, DatasetFormats.Idx, "/d", 28, 10, null, checkName: false));
    }
}
