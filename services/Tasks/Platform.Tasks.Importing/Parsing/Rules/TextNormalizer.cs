using System.Text;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Maps text to a form the rules can match — half-width punctuation and digits, simplified characters — one character
/// for one character, so an index in the normalised text is the same index in the text as printed. Rules match the
/// normalised text; what the importer outputs is sliced from the printed text.
/// </summary>
internal static class TextNormalizer
{
    // Traditional characters common in task lists, with their simplified forms at the same index.
    private const string Traditional =
        "牽頭單責負區縣會辦務構門關於發號規劃資環聯繫係電話郵報達減壓縮內個項萬億類標準戶數業從時間階級長續進堅據實現場監經濟設備" +
        "與職議員導領為這將對應當開變並統計處營優傳體點歷屆產權訊碼齊稅銀險證書許執審網鄉鎮國衛醫療養農軍廣黨屬樣機來過還親鐘錢鐵" +
        "車輛運輸龍們價買賣貨貿費質問題協調檢測驗試轉換請簡稱簽約總見視認識讀寫論說課藥飯館儀錄築廳貸納團隊圖緊災檔層淨濕溫熱燈爐" +
        "積極護獎勵節範圍鏈條絡幹組織補貼財創斷適衝訂復雜雙隨盡動勞華劉張陳楊黃趙吳孫鄧馬羅鄭謝韓馮蕭葉蘇盧蔣倉廠幣帶廢彙匯東紀給" +
        "絲綠線維緣編縱繼義習聞聲腦興舉舊藝蘭裝製覺觀訴診詢該詳誌語誤誠誰談諾謀讓豐貧購貫賴贊趨跡軌軟較載輔輕邊遞遠遷選遺邏鄰釋鑒" +
        "閉閒閱闆陣陸際隱雖離難霧靈韌頁順須預頻額顏顯風飛餘驅髮鬥魚鳥麥齡齒嚴壞夠夢奮婦學寧寬專尋島巖帥師幫庫後徑態憑懷戰擁擇擔擴" +
        "擬攜敗敵斂晉曉暫樂樹橋歡歲殘殺氣漢潔潛澤灣煙爭狀獨獲畫疊盤確礎禮禍穩競筆糧紅純紐紮細終結絕綜緒緩練績纜罰聽腳臺蟲術襲覽訓" +
        "記評貝貢賬賽贈趕輪辭遲遼針錯鍵閣闊雲響顧飲騙驚髒鬧鹽龐佈併偵傭僅兒兩冊劑勁勝勢勸參叢啟園圓塊塵墊壽夾奪媽寶寵岡嶺廟強彈徵" +
        "徹恆惡慣慮憲戲拋掃掛採揮損搶擊擠擺攝晝暈曆朧棄棟榮槍歐歸殼氫決沒況淚淺渦湯溝滅滬滯滿漁漲潤濃濱瀏灑烏無煉煩燒爺牆犧猶獻瑪" +
        "瓊畢異癢眾睜礦磚禦種穀窮竊筍篩籌籃糾紛紡綁綱繩繪繳罷聖肅腸膚艦艱莊蓋蓮蘋蘿虛蝦蠶裡複褲觸託訪詞詩誕誘諮謂講譯讚豬貓貞賀賓" +
        "賦贏贓踐躍軸輝轟辯迴連週遊違遙遜邁醜釀鈔鉛銅銘銷鋪鋼錦鍋鎖鏡鑰閃閘閩陝陰陽隻雞靜頂頒頓頗顆飄餅饋駐駕騰驟鬆魯鮮鳳鴻麼齋龜畝";

    private const string Simplified =
        "牵头单责负区县会办务构门关于发号规划资环联系系电话邮报达减压缩内个项万亿类标准户数业从时间阶级长续进坚据实现场监经济设备" +
        "与职议员导领为这将对应当开变并统计处营优传体点历届产权讯码齐税银险证书许执审网乡镇国卫医疗养农军广党属样机来过还亲钟钱铁" +
        "车辆运输龙们价买卖货贸费质问题协调检测验试转换请简称签约总见视认识读写论说课药饭馆仪录筑厅贷纳团队图紧灾档层净湿温热灯炉" +
        "积极护奖励节范围链条络干组织补贴财创断适冲订复杂双随尽动劳华刘张陈杨黄赵吴孙邓马罗郑谢韩冯萧叶苏卢蒋仓厂币带废汇汇东纪给" +
        "丝绿线维缘编纵继义习闻声脑兴举旧艺兰装制觉观诉诊询该详志语误诚谁谈诺谋让丰贫购贯赖赞趋迹轨软较载辅轻边递远迁选遗逻邻释鉴" +
        "闭闲阅板阵陆际隐虽离难雾灵韧页顺须预频额颜显风飞余驱发斗鱼鸟麦龄齿严坏够梦奋妇学宁宽专寻岛岩帅师帮库后径态凭怀战拥择担扩" +
        "拟携败敌敛晋晓暂乐树桥欢岁残杀气汉洁潜泽湾烟争状独获画叠盘确础礼祸稳竞笔粮红纯纽扎细终结绝综绪缓练绩缆罚听脚台虫术袭览训" +
        "记评贝贡账赛赠赶轮辞迟辽针错键阁阔云响顾饮骗惊脏闹盐庞布并侦佣仅儿两册剂劲胜势劝参丛启园圆块尘垫寿夹夺妈宝宠冈岭庙强弹征" +
        "彻恒恶惯虑宪戏抛扫挂采挥损抢击挤摆摄昼晕历胧弃栋荣枪欧归壳氢决没况泪浅涡汤沟灭沪滞满渔涨润浓滨浏洒乌无炼烦烧爷墙牺犹献玛" +
        "琼毕异痒众睁矿砖御种谷穷窃笋筛筹篮纠纷纺绑纲绳绘缴罢圣肃肠肤舰艰庄盖莲苹萝虚虾蚕里复裤触托访词诗诞诱咨谓讲译赞猪猫贞贺宾" +
        "赋赢赃践跃轴辉轰辩回连周游违遥逊迈丑酿钞铅铜铭销铺钢锦锅锁镜钥闪闸闽陕阴阳只鸡静顶颁顿颇颗飘饼馈驻驾腾骤松鲁鲜凤鸿么斋龟亩";

    private static readonly Dictionary<char, char> TraditionalToSimplified = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            if (Traditional[i] != Simplified[i])
            {
                map[Traditional[i]] = Simplified[i];
            }
        }

        return map;
    }

    public static char Normalize(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '〔' or '【' or '〖' => '[',
        '〕' or '】' or '〗' => ']',
        '—' or '–' or '‐' or '−' => '-',
        '〜' => '~',
        _ => TraditionalToSimplified.TryGetValue(c, out var s) ? s : c,
    };

    /// <summary>The normalised text, exactly as long as <paramref name="text"/>.</summary>
    public static string Normalize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Normalize(source[i]);
            }
        });

    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') or '“' or '”' or '‘' or '’' or '…' or '·'
            or '—';

    /// <summary>
    /// Trims and collapses whitespace; drops whitespace next to a CJK character or CJK punctuation (an artefact of
    /// line wrapping and PDF extraction), keeps one space between two Latin words or numbers.
    /// </summary>
    public static string CleanWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (builder.Length > 0 && end < text.Length && !IsCjk(builder[^1]) && !IsCjk(text[end]))
            {
                builder.Append(' ');
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Joins a line that continues a paragraph: no separator between CJK text, a space between Latin words.
    /// </summary>
    public static string JoinContinuation(string first, string next)
    {
        if (first.Length == 0)
        {
            return next;
        }

        if (next.Length == 0)
        {
            return first;
        }

        var needsSpace = char.IsAsciiLetterOrDigit(first[^1]) && char.IsAsciiLetterOrDigit(next[0]);
        return needsSpace ? first + " " + next : first + next;
    }
}
