namespace BlueGreen.Functions.Hosting;

/// <summary>A Lambda function body: the event JSON in, the result JSON out. A thrown exception is
/// the function error; its type name is the error name the state machine's Retry/Catch match.</summary>
public delegate Task<Stream> FunctionHandler(Stream input, CancellationToken cancellationToken);
