using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Interop;

namespace PcDarts.Engine.Tests.Interop;

public class NetworkWeightsTests
{
    public static TheoryData<string> Shapes => ["cifar", "imagenet"];

    private static EvalNetworkOptions Options(string shape) => shape == "cifar" ? InteropNetworks.Cifar : InteropNetworks.ImageNet;

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_parameter_and_buffer_has_one_authors_key_and_the_export_keeps_its_shape(string shape)
    {
        using var folder = new TempDirectory();
        using var network = InteropNetworks.Create(Options(shape), seed: 1);
        var keys = AuthorsKeys.Of(network);
        var state = network.state_dict();

        Assert.Equal(state.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Values.Distinct().Count());
        using (var file = File.Create(folder.File("w.pt"))) NetworkWeights.SavePyTorch(network, file);
        var exported = WeightShapes.Read(folder.File("w.pt"));
        Assert.Equal(keys.Values.Order(), exported.Keys.Order());
        Assert.All(keys, pair => Assert.Equal(state[pair.Key].shape, exported[pair.Value]));
    }

    [Fact]
    public void Keys_read_as_in_the_authors_model_py()
    {
        using var cifar = InteropNetworks.Create(InteropNetworks.Cifar, seed: 1);
        using var imageNet = InteropNetworks.Create(InteropNetworks.ImageNet, seed: 1);
        var cifarKeys = AuthorsKeys.Of(cifar).Values.ToHashSet();
        var imageNetKeys = AuthorsKeys.Of(imageNet).Values.ToHashSet();

        // Stem conv and BN; a cell's preprocessing; sep_conv's second BN at op.7; dil_conv_5x5's pointwise conv at op.2;
        // a strided skip_connect's two convs; the tower's second BN (CIFAR only); the classifier.
        Assert.Subset(cifarKeys, new HashSet<string>
        {
            "stem.0.weight", "stem.1.running_var", "stem.1.num_batches_tracked", "cells.0.preprocess0.op.1.weight",
            "cells.0._ops.0.op.7.bias", "cells.0._ops.3.op.2.weight", "cells.1._ops.0.conv_2.weight", "cells.2.preprocess0.conv_1.weight",
            "auxiliary_head.features.2.weight", "auxiliary_head.features.6.running_mean", "auxiliary_head.classifier.weight", "classifier.bias",
        });
        Assert.Subset(imageNetKeys, new HashSet<string>
        {
            "stem0.0.weight", "stem0.1.weight", "stem0.3.weight", "stem0.4.running_mean", "stem1.1.weight", "stem1.2.bias",
            "cells.0.preprocess0.conv_1.weight", "auxiliary_head.features.5.weight", "classifier.weight",
        });
        Assert.DoesNotContain("auxiliary_head.features.6.weight", imageNetKeys);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Export_then_import_gives_identical_logits(string shape)
    {
        using var folder = new TempDirectory();
        var options = Options(shape);
        using var trained = InteropNetworks.Create(options, seed: 1);
        using var fresh = InteropNetworks.Create(options, seed: 2);
        var (_, images, imageShape) = InteropNetworks.Images(options, 5, seed: 9);
        var expected = Prediction.Logits(trained, images, imageShape);
        Assert.NotEqual(expected, Prediction.Logits(fresh, images, imageShape));

        using (var file = File.Create(folder.File("w.pt"))) NetworkWeights.SavePyTorch(trained, file);
        NetworkWeights.Load(fresh, folder.File("w.pt"));

        Assert.Equal(expected, Prediction.Logits(fresh, images, imageShape));
        Assert.Equal(options, WeightShapes.Describe(folder.File("w.pt")));
    }

    [Fact]
    public void Our_own_format_loads_and_describes_its_network_too()
    {
        using var folder = new TempDirectory();
        using var trained = InteropNetworks.Create(InteropNetworks.ImageNet, seed: 3);
        trained.save(folder.File("weights"));
        using var fresh = InteropNetworks.Create(InteropNetworks.ImageNet, seed: 4);
        var (_, images, shape) = InteropNetworks.Images(InteropNetworks.ImageNet, 3, seed: 5);

        NetworkWeights.Load(fresh, folder.File("weights"));

        Assert.False(NetworkWeights.IsPyTorch(folder.File("weights")));
        Assert.Equal(Prediction.Logits(trained, images, shape), Prediction.Logits(fresh, images, shape));
        Assert.Equal(InteropNetworks.ImageNet, WeightShapes.Describe(folder.File("weights")));
    }

    [Fact]
    public void A_state_dict_of_another_network_is_refused_naming_the_keys_or_the_shape()
    {
        using var folder = new TempDirectory();
        using var network = InteropNetworks.Create(InteropNetworks.Cifar with { Auxiliary = false }, seed: 1);
        using (var withTower = InteropNetworks.Create(InteropNetworks.Cifar, seed: 1))
        using (var file = File.Create(folder.File("tower.pt"))) NetworkWeights.SavePyTorch(withTower, file);
        using (var moreClasses = InteropNetworks.Create(InteropNetworks.Cifar with { Auxiliary = false, Classes = 9 }, seed: 1))
        using (var file = File.Create(folder.File("classes.pt"))) NetworkWeights.SavePyTorch(moreClasses, file);

        var keys = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, folder.File("tower.pt")));
        var shape = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, folder.File("classes.pt")));

        Assert.Contains("0 keys missing", keys.Message);
        Assert.Matches(@"\d+ unexpected \(auxiliary_head\.", keys.Message);
        Assert.Contains("classifier.weight has shape [9, ", shape.Message);
    }
}
