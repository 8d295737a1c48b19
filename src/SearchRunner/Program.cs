using TorchSharp;
Console.WriteLine(torch.ones(2, 3).sum().item<float>());
Console.WriteLine(torch.cuda.is_available());
