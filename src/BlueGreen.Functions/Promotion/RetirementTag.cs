namespace BlueGreen.Functions.Promotion;

/// <summary>The tag PromoteGreen puts on the old blue group: which deployment retired it. RetireBlue
/// acts only on a group carrying its own deployment's id there, never on a live one.</summary>
public static class RetirementTag
{
    public const string RetiredBy = "bluegreen:retired-by";
}
