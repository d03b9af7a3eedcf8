using BlueGreen.Aws.Errors;
using Polly;
using Polly.Retry;

namespace BlueGreen.Aws.Internal.Http;

internal static class RetryPipeline
{
    public static ResiliencePipeline Create(RetryOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<AwsServiceException>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    // HttpClient reports its own timeout as a cancellation caused by TimeoutException.
                    .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
            })
            .Build();
    }
}
