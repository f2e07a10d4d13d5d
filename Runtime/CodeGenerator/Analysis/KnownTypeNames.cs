namespace QuantumScheduler.Runtime.CodeGenerator.Analysis
{
    /// <summary>Metadata names of the contract types the generator looks for.</summary>
    internal static class KnownTypeNames
    {
        public const string RuntimeNamespace = "QuantumScheduler.Runtime";
        public const string GenerateSerializer = "QuantumScheduler.Runtime.GenerateSerializerAttribute";
        public const string Id = "QuantumScheduler.Runtime.IdAttribute";
        public const string Alias = "QuantumScheduler.Runtime.AliasAttribute";
        public const string Immutable = "QuantumScheduler.Runtime.ImmutableAttribute";
        public const string IGrain = "QuantumScheduler.Runtime.IGrain";
        public const string IAddressable = "QuantumScheduler.Runtime.IAddressable";
        public const string ReadOnly = "QuantumScheduler.Runtime.ReadOnlyAttribute";
        public const string AlwaysInterleave = "QuantumScheduler.Runtime.AlwaysInterleaveAttribute";
        public const string OneWay = "QuantumScheduler.Runtime.OneWayAttribute";
        public const string ResponseTimeout = "QuantumScheduler.Runtime.ResponseTimeoutAttribute";
        public const string Reentrant = "QuantumScheduler.Runtime.ReentrantAttribute";
        public const string StatelessWorker = "QuantumScheduler.Runtime.StatelessWorkerAttribute";
        public const string GrainType = "QuantumScheduler.Runtime.GrainTypeAttribute";
        public const string KeepAlive = "QuantumScheduler.Runtime.KeepAliveAttribute";
        public const string CollectionAgeLimit = "QuantumScheduler.Runtime.CollectionAgeLimitAttribute";
        public const string PersistentState = "QuantumScheduler.Runtime.PersistentStateAttribute";
        public const string IPersistentState = "QuantumScheduler.Runtime.IPersistentState<TState>";
        public const string IGrainContext = "QuantumScheduler.Runtime.IGrainContext";
        public const string CancellationToken = "System.Threading.CancellationToken";
        public const string Exception = "System.Exception";
        public const string PlacementAttributeSuffix = "PlacementAttribute";

        /// <summary>The key-kind markers: grain interfaces without methods that need no proxy and are not listed
        /// among a grain class's interfaces.</summary>
        public static bool IsMarkerInterface(string fullName) => fullName switch
        {
            "QuantumScheduler.Runtime.IAddressable" => true,
            "QuantumScheduler.Runtime.IGrain" => true,
            "QuantumScheduler.Runtime.IGrainWithStringKey" => true,
            "QuantumScheduler.Runtime.IGrainWithGuidKey" => true,
            "QuantumScheduler.Runtime.IGrainWithIntegerKey" => true,
            "QuantumScheduler.Runtime.IGrainWithGuidCompoundKey" => true,
            "QuantumScheduler.Runtime.IGrainWithIntegerCompoundKey" => true,
            _ => false,
        };
    }
}
