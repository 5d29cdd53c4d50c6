using SirArena.Arena.Cluster;

namespace SirArena.Arena.Tests.Cluster;

public class ClusterAddressTests
{
    [Theory]
    [InlineData("redis://10.0.0.5:6379", "10.0.0.5", 6379, "10.0.0.5:6379")]
    [InlineData("redis://cache.local:7000/", "cache.local", 7000, "cache.local:7000")]
    [InlineData("REDIS://Cache.Local:7000", "cache.local", 7000, "cache.local:7000")]
    [InlineData("redis://[::1]:6379", "::1", 6379, "[::1]:6379")]
    public void A_redis_url_with_host_and_port_names_the_server_Redis_connects_to(string text, string host, int port, string connection)
    {
        var address = ClusterAddress.TryParse(text, out var problem);

        problem.Should().BeNull();
        address.Should().Be(new ClusterAddress(host, port));
        address!.RedisConnection.Should().Be(connection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("redis://10.0.0.5")]
    [InlineData("rediss://10.0.0.5:6379")]
    [InlineData("http://10.0.0.5:6379")]
    [InlineData("10.0.0.5:6379")]
    [InlineData("redis://10.0.0.5:6379/2")]
    [InlineData("redis://user:secret@10.0.0.5:6379")]
    [InlineData("redis://10.0.0.5:6379?ssl=true")]
    [InlineData("redis://10.0.0.5:70000")]
    public void Anything_else_is_refused_in_one_sentence_naming_the_flag_and_what_is_expected(string? text)
    {
        var address = ClusterAddress.TryParse(text, out var problem);

        address.Should().BeNull();
        problem.Should().Be($"--cluster {text}: is not a cluster address; expected redis://HOST:PORT, the Redis server that holds the cluster's membership (for example redis://10.0.0.5:6379)");
    }
}
