using SirArena.Llm.Cache;
using SirArena.Llm.Inference;
using SirArena.Llm.Memory;
using SirArena.Llm.Model;
using SirArena.Llm.Runtime;
using SirArena.Llm.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SirArena.Llm.Tests.Runtime;

public class ComputeDeviceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_is_the_default_and_its_spellings(string? name) =>
        ComputeDevice.Parse(name).type.Should().Be(DeviceType.CPU);

    [Theory]
    [InlineData("gpu")]
    [InlineData("cpu:1")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda0")]
    public void A_name_that_is_no_device_is_refused_with_the_spellings_that_are(string name) =>
        FluentActions.Invoking(() => ComputeDevice.Parse(name, "Arena:Device"))
            .Should().Throw<ArgumentException>().WithMessage($"Arena:Device: \"{name}\" is not a device; expected cpu, cuda or cuda:N");

    [Fact]
    public void Cuda_is_granted_where_torch_sees_a_gpu_and_refused_in_one_sentence_where_it_does_not()
    {
        TorchRuntime.EnsureLoaded();
        if (cuda.is_available())
        {
            ComputeDevice.Parse("cuda").ToString().Should().Be("cuda:0");
            FluentActions.Invoking(() => ComputeDevice.Parse($"cuda:{cuda.device_count()}"))
                .Should().Throw<ArgumentException>().WithMessage("--device: cuda:* asks for GPU *, but this machine has *");
        }
        else
        {
            FluentActions.Invoking(() => ComputeDevice.Parse("cuda:0"))
                .Should().Throw<ArgumentException>().WithMessage("--device: cuda:0 asks for a CUDA GPU, but this build of TorchSharp sees none*use --device cpu");
        }
    }

    [Fact]
    public void A_model_s_rotary_tables_cache_and_inputs_follow_its_device()
    {
        // On this CPU machine the device is the CPU; on a GPU machine the same test runs with cuda (see the README).
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        var config = TinyModels.Config(kvHeads: 2);
        using var scope = NewDisposeScope();
        using var onCpu = TinyModels.Create(config);
        using var model = new LlamaForCausalLM(config, device);
        var weights = onCpu.state_dict();
        using (no_grad())
            foreach (var (name, tensor) in model.state_dict()) tensor.copy_(weights[name]);
        model.eval();

        model.Device.ToString().Should().Be(device.ToString());
        model.Rope.Device.ToString().Should().Be(device.ToString());
        model.parameters().Should().OnlyContain(p => p.device.ToString() == device.ToString());
        using var cache = new KvCache(config, model.Rope, capacity: 32);
        cache.Length.Should().Be(0);

        var tokens = TinyModels.Tokens(24, config.VocabSize);
        using var here = new StreamSession(model, new SirMemory(2, 14, 0, eta: 0.9f));
        using var reference = new StreamSession(onCpu, new SirMemory(2, 14, 0, eta: 0.9f));
        int evicted = 0;
        foreach (var chunk in tokens.Chunk(6))
        {
            var a = here.Prefill(chunk);
            var b = reference.Prefill(chunk);
            a.Surprisal.Should().Equal(b.Surprisal, (x, y) => Math.Abs(x - y) < 1e-3f);
            a.Evicted.Select(t => t.StreamIndex).Should().Equal(b.Evicted.Select(t => t.StreamIndex), "the same scores evict the same tokens on either device");
            evicted += a.Evicted.Length;
            here.EndRound();
            reference.EndRound();
        }
        evicted.Should().BeGreaterThan(0, "24 tokens overflow a budget of 16");
        here.CachedTokens.Should().Be(reference.CachedTokens);
    }
}
