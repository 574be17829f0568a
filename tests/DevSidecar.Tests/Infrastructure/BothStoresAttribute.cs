using System.Reflection;
using Xunit.Sdk;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// Runs a theory once per StoreKind.
public sealed class BothStoresAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Enum.GetValues<StoreKind>().Select(k => new object[] { k });
}
