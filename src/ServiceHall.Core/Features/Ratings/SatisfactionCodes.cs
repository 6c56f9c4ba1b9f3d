namespace ServiceHall.Core.Features.Ratings;

/// <summary>
/// Interfaces number the levels differently: GB/T 39046 A.8 counts 1 = 非常满意 … 5 = 非常不满意,
/// the national 好差评 reporting interface 1 = 非常不满意 … 5 = 非常满意. Stored levels are names;
/// these are the only places codes appear.
/// </summary>
public static class SatisfactionCodes
{
    public static int ToGbt39046(SatisfactionLevel level) => (int)level + 1;

    public static SatisfactionLevel FromGbt39046(int code) =>
        code is >= 1 and <= 5 ? (SatisfactionLevel)(code - 1) : throw new ArgumentOutOfRangeException(nameof(code));

    public static int ToNationalReporting(SatisfactionLevel level) => 5 - (int)level;

    public static SatisfactionLevel FromNationalReporting(int code) =>
        code is >= 1 and <= 5 ? (SatisfactionLevel)(5 - code) : throw new ArgumentOutOfRangeException(nameof(code));
}
