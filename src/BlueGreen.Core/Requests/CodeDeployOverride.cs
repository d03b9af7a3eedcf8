using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Requests;

/// <summary>The request's <c>codeDeploy</c>: only the revision; application and group come from settings.</summary>
public sealed record CodeDeployOverride(CodeDeployRevision Revision);
