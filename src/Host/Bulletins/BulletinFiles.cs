using System.Globalization;
using MiniExcelLibs;
using Shizhu.Workflows.Bulletins;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Host.Bulletins;

/// <summary>
/// A bulletin and the annual assessment sheet as files: Excel (MiniExcel, one sheet per part, Chinese column names) and
/// PDF (PDFsharp with the CJK font of <c>Bulletins:PdfFontPath</c>). The same rows feed both.
/// </summary>
public sealed class BulletinFiles(BulletinFileOptions options)
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfType = "application/pdf";

    private static readonly string[] ProgressHeaders = ["排名", "乡镇", "创建称号", "计划阶段", "当前阶段", "完成阶段", "进度", "逾期任务", "催办", "督办牌"];
    private static readonly string[] OverdueHeaders = ["乡镇", "阶段", "任务", "截止时间", "逾期天数"];
    private static readonly string[] CompletedHeaders = ["乡镇", "完成阶段", "完成日期"];
    private static readonly string[] AssessmentHeaders = ["乡镇", "到期任务", "按时办结", "按时办结率", "逾期天数", "整改轮次", "催办", "督办牌", "考评结果"];

    public static string FileName(BulletinView b, string extension) => $"{b.Number ?? b.Title + "（" + b.StatusName + "）"}.{extension}";

    public byte[] Excel(BulletinView b)
    {
        var sheets = new Dictionary<string, object>
        {
            ["通报"] = new[]
            {
                Pair("文号", b.Number ?? "（未发布）"), Pair("标题", b.Title), Pair("状态", b.StatusName),
                Pair("统计截至", UiTime(b.Content.AsOf)), Pair("前言", b.Foreword ?? ""), Pair("结论和要求", b.Conclusions ?? ""),
            },
            ["乡镇进度"] = Rows(ProgressHeaders, Progress(b.Content)),
            ["逾期事项"] = Rows(OverdueHeaders, Overdue(b.Content)),
            ["本月完成阶段"] = Rows(CompletedHeaders, Completed(b.Content)),
        };
        return Save(sheets);
    }

    public byte[] Excel(AssessmentSheet sheet) =>
        Save(new Dictionary<string, object> { [$"{sheet.Year}年度综合考评"] = Rows(AssessmentHeaders, Assessment(sheet)) });

    public byte[] Pdf(BulletinView b)
    {
        var pdf = Start(b.Title);
        pdf.Title(b.Title, $"{b.Number ?? "（" + b.StatusName + "，未编号）"}　统计截至 {UiTime(b.Content.AsOf)}");
        if (b.Foreword is { Length: > 0 } foreword) pdf.Paragraph(foreword);
        pdf.Heading("一、各乡镇创建进度（按进度排名）");
        pdf.Table(ProgressHeaders, [0.6, 1.2, 1.3, 1, 2, 0.8, 0.8, 0.8, 0.6, 0.8], Progress(b.Content));
        pdf.Heading($"二、逾期事项（{b.Content.Overdue.Count} 项）");
        if (b.Content.Overdue.Count == 0) pdf.Paragraph("无逾期事项。");
        else pdf.Table(OverdueHeaders, [1, 1.4, 3.2, 1.4, 0.8], Overdue(b.Content));
        pdf.Heading($"三、本月完成阶段（{b.Content.Completed.Count} 个）");
        if (b.Content.Completed.Count == 0) pdf.Paragraph("本月无完成的阶段。");
        else pdf.Table(CompletedHeaders, [1, 2, 1], Completed(b.Content));
        if (b.Conclusions is { Length: > 0 } conclusions)
        {
            pdf.Heading("四、结论和要求");
            pdf.Paragraph(conclusions);
        }
        return pdf.ToBytes();
    }

    public byte[] Pdf(AssessmentSheet sheet)
    {
        var title = $"{sheet.Year}年度卫生乡镇创建工作综合考评表";
        var pdf = Start(title);
        pdf.Title(title, $"统计截至 {UiTime(sheet.AsOf)}");
        pdf.Table(AssessmentHeaders, [1.3, 0.8, 0.8, 1, 0.8, 0.8, 0.6, 0.8, 0.9], Assessment(sheet));
        pdf.Paragraph("考评结果：按时办结率 90% 及以上为优秀，75% 及以上为良好，60% 及以上为合格，以下为不合格；持红牌的乡镇最高为合格。");
        return pdf.ToBytes();
    }

    /// <summary>Whether the CJK font is there (it is installed once, on first use).</summary>
    public bool CanWritePdf => CjkFontResolver.TryInstall(options.PdfFontPath);

    public string MissingFontProblem => $"服务器未安装生成 PDF 所需的中文字体（{options.PdfFontPath}），请安装 fonts-wqy-microhei 或配置 Bulletins:PdfFontPath。";

    private PdfSheet Start(string title) =>
        CanWritePdf ? new PdfSheet(title) : throw new InvalidOperationException(MissingFontProblem);

    private static IEnumerable<IReadOnlyList<string>> Progress(BulletinContent c) => c.Townships.Select(t => (IReadOnlyList<string>)
    [
        N(t.Rank), t.TownshipName, $"{Tracks.DisplayName(t.Track)}（{(t.StartYear == t.TargetYear ? $"{t.TargetYear}" : $"{t.StartYear}—{t.TargetYear}")}）",
        t.PlannedPhase, t.CurrentStages, $"{t.CompletedStages}/{t.TotalStages}", $"{t.Progress * 100:0.#}%", N(t.OverdueTasks),
        t.Urges is { } u ? N(u) : "—", BulletinText.CardName(t.Card),
    ]);

    private static IEnumerable<IReadOnlyList<string>> Overdue(BulletinContent c) =>
        c.Overdue.Select(o => (IReadOnlyList<string>)[o.TownshipName, o.StageName, o.Title, UiTime(o.DueAt), N(o.DaysOverdue)]);

    private static IEnumerable<IReadOnlyList<string>> Completed(BulletinContent c) =>
        c.Completed.Select(s => (IReadOnlyList<string>)[s.TownshipName, s.StageName, s.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);

    private static IEnumerable<IReadOnlyList<string>> Assessment(AssessmentSheet sheet) => sheet.Lines.Select(l => (IReadOnlyList<string>)
    [
        l.TownshipName, N(l.TasksDue), N(l.OnTime), l.OnTimeRate is { } r ? $"{r * 100:0.#}%" : "—", N(l.OverdueDays), N(l.RectificationRounds),
        l.Urges is { } u ? N(u) : "—", BulletinText.CardName(l.Card), l.Result,
    ]);

    private static List<Dictionary<string, object>> Rows(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        [.. rows.Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2))];

    private static Dictionary<string, object> Pair(string item, string value) => new() { ["项目"] = item, ["内容"] = value };

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UiTime(DateTimeOffset at) => ChinaTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Configuration <c>Bulletins:*</c>.</summary>
public sealed class BulletinFileOptions
{
    public const string Section = "Bulletins";
    public const string DefaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>A TrueType font (.ttf) or collection (.ttc, its first face) with Chinese glyphs.</summary>
    public string PdfFontPath { get; set; } = DefaultFontPath;

    /// <summary>The number's pattern, <c>{year}</c> and <c>{n}</c>.</summary>
    public string NumberPattern { get; set; } = BulletinNumbering.DefaultPattern;
}
