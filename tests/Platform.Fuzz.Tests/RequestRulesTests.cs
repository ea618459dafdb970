using System.IO.Compression;
using Google.Protobuf;
using Platform.Contracts.Documents;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Validation;
using Reporting = Platform.Contracts.Reporting.V1;
using Tasks = Platform.Contracts.Tasks.V1;
using Units = Platform.Contracts.Units.V1;
using Notifications = Platform.Contracts.Notifications.V1;

namespace Platform.Fuzz.Tests;

/// <summary>The validation layer every service shares, one rule at a time (no stack needed).</summary>
public sealed class RequestRulesTests
{
    [Theory]
    [InlineData("市场\u0000", "U+0000")]
    [InlineData("a\u0007b", "U+0007")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("line\nbreak", "U+000A")]
    [InlineData("\u202E局管监场市", "U+202E")]
    [InlineData("a\u2066b", "U+2066")]
    public void A_single_line_field_refuses_controls_and_reordering(string value, string named)
    {
        var error = Assert.Throws<ValidationException>(() => RequestRules.Check(new Tasks.ListTasksRequest { Query = value }));
        Assert.Equal("query", error.Field);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_refuses_an_unpaired_surrogate()
    {
        // Built at run time: a test runner's serialisation would replace the lone surrogate with U+FFFD.
        var lone = new string(['a', (char)0xD800, 'b']);
        Assert.Contains("unpaired surrogate", Assert.Throws<ValidationException>(() => RequestRules.Check(new Tasks.ListTasksRequest { Query = lone })).Message);
    }

    [Fact]
    public void A_multi_line_field_keeps_its_line_breaks_and_tabs_but_not_nul()
    {
        RequestRules.Check(new Reporting.SaveReportRequest { Progress = "一、进展\r\n\t1. 已完成\n二、问题" });
        Assert.Equal("progress", Assert.Throws<ValidationException>(() => RequestRules.Check(new Reporting.SaveReportRequest { Progress = "a\u0000" })).Field);
    }

    [Theory]
    [InlineData("区\u200B市场监管局")]
    [InlineData("\uFEFF区市场监管局")]
    [InlineData("区市场\u200F监管局")]
    [InlineData("区市场\u00AD监管局")]
    public void A_name_refuses_invisible_characters(string name)
    {
        var error = Assert.Throws<ValidationException>(() => RequestRules.Check(new Units.CreateUnitRequest { Name = name }));
        Assert.Equal("name", error.Field);
        RequestRules.Check(new Reporting.SaveReportRequest { Progress = "零宽\u200B字符在正文中无害" });
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(-1e16)]
    public void A_number_is_finite_and_within_range(double value)
    {
        var request = new Reporting.SaveReportRequest { Actuals = { new Reporting.TargetActual { Target = 0, Actual = value } } };
        Assert.Equal("actuals[0].actual", Assert.Throws<ValidationException>(() => RequestRules.Check(request)).Field);
    }

    [Fact]
    public void Integers_are_not_negative_years_are_sane_enums_are_declared_lists_are_bounded()
    {
        Assert.Equal("pageSize", Assert.Throws<ValidationException>(() => RequestRules.Check(new Tasks.ListTasksRequest { PageSize = -1 })).Field);
        Assert.Equal("year", Assert.Throws<ValidationException>(() => RequestRules.Check(new Tasks.ListTasksRequest { Year = 1 })).Field);
        RequestRules.Check(new Tasks.ListTasksRequest { Year = 2023, PageSize = 50 });
        Assert.Equal("selfStatus", Assert.Throws<ValidationException>(
            () => RequestRules.Check(new Reporting.SaveReportRequest { SelfStatus = (Reporting.SelfStatus)9999 })).Field);
        var many = new Tasks.UpdateTaskRequest();
        many.LeadUnits.AddRange(Enumerable.Repeat("区市场监管局", RequestRules.MaxRepeated + 1));
        Assert.Equal("leadUnits", Assert.Throws<ValidationException>(() => RequestRules.Check(many)).Field);
        Assert.Equal("text", Assert.Throws<ValidationException>(
            () => RequestRules.Check(new Tasks.UpdateTaskRequest { Text = new string('字', RequestRules.MaxMultiLine + 1) })).Field);
    }

    [Theory]
    [InlineData("bad", false)]
    [InlineData("a@b", false)]
    [InlineData("a b@example.gov.cn", false)]
    [InlineData("office@yuzhong.gov.cn", true)]
    [InlineData("", true)]
    public void An_email_address_has_its_form(string email, bool valid)
    {
        var request = new Notifications.Preferences { Email = email };
        if (valid)
        {
            RequestRules.Check(request);
        }
        else
        {
            Assert.Equal("email", Assert.Throws<ValidationException>(() => RequestRules.Check(request)).Field);
        }
    }

    [Fact]
    public void A_frame_is_exactly_one_well_formed_message()
    {
        var parser = Tasks.ListTasksRequest.Parser;
        var message = new Tasks.ListTasksRequest { Query = "市场" }.ToByteArray();
        Assert.Null(GrpcFrameValidation.Check(FuzzClient.Frame(message), string.Empty, parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check(FuzzClient.Frame(message, announcedLength: 100), string.Empty, parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check([0, 0, 0], string.Empty, parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check(FuzzClient.Frame(message, compressed: 1), string.Empty, parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check(FuzzClient.Frame([0x42, 0x03, 0xC3, 0x28, 0xFF]), string.Empty, parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check(FuzzClient.Frame(FuzzValues.Random(64, 1)), string.Empty, parser, 1024));

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        Assert.Null(GrpcFrameValidation.Check(FuzzClient.Frame(gzipped.ToArray(), compressed: 1), "gzip", parser, 1024));
        Assert.NotNull(GrpcFrameValidation.Check(FuzzClient.Frame(gzipped.ToArray(), compressed: 1), "gzip", parser, 4));
    }

    [Fact]
    public void A_zip_that_unpacks_past_the_limit_is_refused_before_it_is_read()
    {
        var bomb = FuzzValues.Bytes[^1].ToByteArray();
        Assert.True(bomb.Length < 200 * 1024, $"the test's bomb is {bomb.Length} bytes");
        Assert.Contains("unpacks to more than", ZipPackage.CheckLimits(bomb), StringComparison.Ordinal);
        Assert.Null(ZipPackage.CheckLimits(bomb, maxUncompressedBytes: 100L * 1024 * 1024));

        using var many = new MemoryStream();
        using (var zip = new ZipArchive(many, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 1_001; i++)
            {
                zip.CreateEntry($"part{i}.xml");
            }
        }

        Assert.Contains("parts", ZipPackage.CheckLimits(many.ToArray()), StringComparison.Ordinal);
        Assert.Null(ZipPackage.CheckLimits("not a zip"u8));
    }
}
