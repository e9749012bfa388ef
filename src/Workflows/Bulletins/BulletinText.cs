namespace Shizhu.Workflows.Bulletins;

/// <summary>Limits and names shared by the bulletin's commands, views and exports.</summary>
public static class BulletinText
{
    public const int MaxLength = 4000;

    public static string StatusName(BulletinStatus status) => status switch
    {
        BulletinStatus.Draft => "草稿",
        BulletinStatus.Approved => "已审核",
        _ => "已发布",
    };

    public static string CardName(string card) => card switch { "red" => "红牌", "yellow" => "黄牌", _ => "—" };

    public static string Title(int year, int month) => $"{year}年{month}月卫生乡镇创建工作督查通报";
}
