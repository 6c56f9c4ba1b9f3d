using ServiceHall.Core;
using ServiceHall.Core.Features.Calendar;

namespace ServiceHall.UnitTests.Features.Calendar;

public class CalendarImportTests
{
    [Fact]
    public void ParseCsv_RangesKindsAndHeader_Expanded()
    {
        const string csv = """
            date,kind,name
            2027-02-06..2027-02-08,dayOff,春节
            2027-02-14,班,春节
            # a comment
            2027-05-03,休,劳动节

            """;
        var entries = CalendarImport.ParseCsv(2027, csv);
        Assert.Equal(5, entries.Count);
        Assert.Equal(new CalendarEntry(new DateOnly(2027, 2, 14), CalendarDayKind.MakeUpWorkday, "春节"), entries[3]);
        Assert.All(entries.Take(3), e => Assert.Equal(CalendarDayKind.DayOff, e.Kind));
    }

    [Theory]
    [InlineData("2027-13-01,dayOff,x", ErrorCodes.CalendarLineInvalid)]
    [InlineData("2027-01-01,holiday,x", ErrorCodes.CalendarLineInvalid)]
    [InlineData("2027-01-01,1,x", ErrorCodes.CalendarLineInvalid)]
    [InlineData("2027-01-01", ErrorCodes.CalendarLineInvalid)]
    [InlineData("2026-12-31,dayOff,x", ErrorCodes.CalendarDateOutsideYear)]
    [InlineData("2027-01-05,makeUpWorkday,x", ErrorCodes.CalendarMakeUpNotWeekend)] // a Tuesday
    [InlineData("2027-01-01,dayOff,x\n2027-01-01,dayOff,y", ErrorCodes.CalendarDuplicateDate)]
    [InlineData("2027-01-05..2027-01-01,dayOff,x", ErrorCodes.CalendarLineInvalid)]
    public void ParseCsv_BadLines_Refused(string csv, string code)
    {
        var refusal = Assert.Throws<DomainException>(() => CalendarImport.ParseCsv(2027, csv));
        Assert.Equal(code, refusal.Code);
        Assert.Equal(ErrorKind.Validation, refusal.Kind);
    }

    [Fact]
    public void ParseJson_YearMismatch_Refused()
    {
        var document = new CalendarImportDocument(2028, null, [new CalendarImportDay("2027-01-01", null, "dayOff", "元旦")]);
        Assert.Equal(ErrorCodes.CalendarYearMismatch, Assert.Throws<DomainException>(() => CalendarImport.ParseJson(2027, document)).Code);
    }
}
