namespace BlueGreen.Local.ImageBuilder;

/// <summary>One AMI a <see cref="NewImage"/> distributed.</summary>
/// <param name="Image">The AMI id.</param>
/// <param name="Name">The AMI's name; "&lt;image name&gt; &lt;creation time&gt;" as Image Builder names them when null.</param>
/// <param name="AccountId">The owning account; the local cloud's when null.</param>
public sealed record NewImageAmi(string Region, string Image, string? Name = null, string? AccountId = null);
