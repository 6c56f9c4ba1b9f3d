namespace ServiceHall.Core.Features.Conduct;

/// <summary>
/// The phrase lists every hall starts with, from the seeds' "文明用语及服务忌语" (ten civil phrases,
/// ten forbidden ones), the examples "请坐、请稍等、请问、很抱歉、让您久等了" and the issue's
/// "你去投诉好了". A seed line with several sentences is split where each part is wrong (or right) on
/// its own, and kept whole where a part alone is harmless ("等一下" is polite after "请您").
/// </summary>
public static class DefaultConductPhrases
{
    public static readonly IReadOnlyList<(string Text, PhraseKind Kind)> All =
    [
        // 1、您好、对不起、谢谢、不用谢、再见
        ("您好", PhraseKind.Greeting),
        ("对不起", PhraseKind.Process),
        ("谢谢", PhraseKind.Process),
        ("不用谢", PhraseKind.Process),
        ("再见", PhraseKind.Farewell),
        // 2–10
        ("您要办理什么业务", PhraseKind.Greeting),
        ("请讲", PhraseKind.Process),
        ("请稍候", PhraseKind.Process),
        ("请慢走", PhraseKind.Farewell),
        ("请填写", PhraseKind.Process),
        ("请缴费", PhraseKind.Process),
        ("请您出示您的有关证件，谢谢合作", PhraseKind.Process),
        ("对不起，您的资料缺证件，谢谢合作", PhraseKind.Process),
        ("您的手续已办好，请核对", PhraseKind.Process),
        ("请收好您的证件、资料", PhraseKind.Farewell),
        ("请您x年x月x日来取证件", PhraseKind.Farewell),
        ("谢谢您对我们工作的支持", PhraseKind.Farewell),
        ("请多提意见", PhraseKind.Farewell),
        ("欢迎再来", PhraseKind.Farewell),
        // 服务用语 examples of the seeds
        ("请坐", PhraseKind.Process),
        ("请稍等", PhraseKind.Process),
        ("请问", PhraseKind.Process),
        ("很抱歉", PhraseKind.Process),
        ("让您久等了", PhraseKind.Process),

        // 服务忌语 1、我不知道，这不归我管
        ("我不知道", PhraseKind.Forbidden),
        ("这不归我管", PhraseKind.Forbidden),
        // 2、你有完没完，有意见找领导去
        ("你有完没完", PhraseKind.Forbidden),
        ("有意见找领导去", PhraseKind.Forbidden),
        // 3、不是告诉你了吗？我已经讲了好多次了，怎么还不明白？
        ("不是告诉你了吗", PhraseKind.Forbidden),
        ("我已经讲了好多次了", PhraseKind.Forbidden),
        ("怎么还不明白", PhraseKind.Forbidden),
        // 4–10
        ("你讲什么我不懂", PhraseKind.Forbidden),
        ("急什么", PhraseKind.Forbidden),
        ("我怎么知道什么时候办好", PhraseKind.Forbidden),
        ("还没上班，等一下办", PhraseKind.Forbidden),
        ("没看我一直在忙吗", PhraseKind.Forbidden),
        ("怎么不早来", PhraseKind.Forbidden),
        ("快下班了，明天再来办", PhraseKind.Forbidden),
        ("烦死啦", PhraseKind.Forbidden),
        ("讨厌", PhraseKind.Forbidden),
        ("真烦人", PhraseKind.Forbidden),
        // The example
        ("你去投诉好了", PhraseKind.Forbidden),
    ];
}
