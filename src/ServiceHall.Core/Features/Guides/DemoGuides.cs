using ServiceHall.Core.Features.Halls;

namespace ServiceHall.Core.Features.Guides;

/// <summary>Service guides for the demo hall's items, so a case can be registered and a notice printed at once.</summary>
public static class DemoGuides
{
    public static IEnumerable<ServiceGuide> For(IEnumerable<ServiceItem> items, DateTime now) =>
        items.Select(item => item.Prefix switch
        {
            "A" => Guide(item, now, "行政许可", "《中华人民共和国市场主体登记管理条例》第三条", TimeLimitClass.Promised, 3, 20,
                ["申请人提交材料", "窗口审核材料", "受理并出具受理回执", "审查决定", "领取营业执照"],
                ("公司登记（备案）申请书", "申请人", 1, 0, true, "法定代表人签署"),
                ("公司章程", "申请人", 1, 0, true, "全体股东签署"),
                ("股东主体资格证明", "登记机关", 0, 1, true, "自然人股东提交身份证复印件"),
                ("住所使用证明", "产权单位", 0, 1, true, "房产证或租赁合同"),
                ("法定代表人任职文件", "申请人", 1, 0, false, "")),
            "E" => Guide(item, now, "公共服务", "《中华人民共和国户口登记条例》", TimeLimitClass.Promised, 5, 0,
                ["取号", "窗口核验", "受理", "审核", "领取"],
                ("居民户口簿", "公安机关", 1, 0, true, ""),
                ("居民身份证", "公安机关", 1, 1, true, ""),
                ("户口迁移证明", "迁出地公安机关", 1, 0, true, "迁入时提交")),
            "H" => Guide(item, now, "公共服务", "", TimeLimitClass.Immediate, 0, 0, ["现场咨询，当场答复"]),
            _ => Guide(item, now, "公共服务", "", TimeLimitClass.SameDay, 0, 0, ["取号", "窗口办理", "当日办结"],
                ("居民身份证", "公安机关", 1, 0, true, ""),
                ("申请表", "本中心", 1, 0, true, "窗口领取或网上下载")),
        });

    private static ServiceGuide Guide(ServiceItem item, DateTime now, string type, string basis, TimeLimitClass kind, int days,
        int? statutory, List<string> steps, params (string Name, string Issuer, int Originals, int Copies, bool Required, string Notes)[] materials) =>
        new()
        {
            ServiceItemId = item.Id, HallId = item.HallId, ItemType = type, LegalBasis = basis, TimeLimitClass = kind, PromisedDays = days,
            StatutoryDays = statutory is > 0 ? statutory : null, ProcessSteps = steps, ConsultPhone = "0571-12345",
            SupervisePhone = "12345", SpecialNotes = "材料须真实有效，复印件请使用 A4 纸并由申请人签字确认。",
            AcceptanceConditions = "申请材料齐全、符合法定形式。", UpdatedAt = now,
            Materials = [.. materials.Select((m, i) => new ServiceMaterial
            {
                Id = Guid.CreateVersion7(now), ServiceItemId = item.Id, SortOrder = i, Name = m.Name, Issuer = m.Issuer,
                Originals = m.Originals, Copies = m.Copies, IsRequired = m.Required, Notes = m.Notes,
            })],
        };
}
