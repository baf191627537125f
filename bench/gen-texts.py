#!/usr/bin/env python3
"""Writes bench/texts-zh.txt: distinct, realistic Chinese shopper messages for the load generator.

Templates per topic of the starter knowledge base (presale, shipping, orders, after-sales, invoice, payment,
greeting/thanks, hand-off and complaint) plus out-of-scope questions a shop bot gets but has no script for, filled
with real products, sizes, colours, cities, carriers and order numbers. Deterministic (fixed seed), so the file is
reproducible: `python3 bench/gen-texts.py > bench/texts-zh.txt`.

Mix (share of lines): ~84 % in scope, ~13 % out of scope, ~3 % asking for a person or complaining. The order of the
lines is shuffled so that every client's stream mixes topics the way a sale evening does.
"""
import random
import sys

rnd = random.Random(20261124)

PRODUCTS = ["这件连衣裙", "这款T恤", "这条牛仔裤", "这双运动鞋", "这件羽绒服", "这件卫衣", "这件衬衫", "这条半身裙",
            "这个保温杯", "这副蓝牙耳机", "这个充电宝", "这款台灯", "这个电饭煲", "这款面膜", "这支口红", "这款洗面奶",
            "这套四件套", "这个枕头", "这个儿童书包", "这款猫粮", "这件风衣", "这条阔腿裤", "这件毛衣", "这双凉鞋",
            "这个行李箱", "这款电动牙刷", "这款防晒霜", "这个双肩包", "这条围巾", "这件睡衣"]
SHORT = ["连衣裙", "T恤", "牛仔裤", "运动鞋", "羽绒服", "卫衣", "衬衫", "半身裙", "保温杯", "蓝牙耳机", "充电宝", "台灯",
         "电饭煲", "面膜", "口红", "洗面奶", "四件套", "枕头", "书包", "猫粮", "风衣", "阔腿裤", "毛衣", "凉鞋", "行李箱",
         "电动牙刷", "防晒霜", "双肩包", "围巾", "睡衣"]
CLOTHES = ["连衣裙", "T恤", "牛仔裤", "羽绒服", "卫衣", "衬衫", "半身裙", "风衣", "阔腿裤", "毛衣", "睡衣"]
COLOURS = ["黑色", "白色", "米白色", "藏青色", "卡其色", "雾霾蓝", "浅灰色", "酒红色", "牛油果绿", "奶茶色", "粉色", "杏色"]
SIZES = ["S码", "M码", "L码", "XL码", "XXL码", "均码", "36码", "37码", "38码", "39码", "40码", "41码", "42码", "43码"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京", "长沙", "郑州", "沈阳", "青岛",
          "昆明", "哈尔滨", "乌鲁木齐", "拉萨", "厦门", "苏州", "天津", "合肥", "南宁", "兰州"]
CARRIERS = ["顺丰", "中通", "圆通", "韵达", "申通", "京东快递", "邮政", "极兔"]
OPENERS = ["", "", "", "亲，", "你好，", "在吗？", "老板，", "请问", "客服你好，", "hello，", "麻烦问下，", "您好，"]
ENDINGS = ["", "", "", "？", "呀", "啊", "呢", "哈", "，谢谢", "，急", "！", "。"]
PC = ["这件连衣裙", "这件T恤", "这条牛仔裤", "这件羽绒服", "这件卫衣", "这件衬衫", "这条半身裙", "这件风衣", "这条阔腿裤",
      "这件毛衣", "这件睡衣", "这双运动鞋", "这双凉鞋"]
ELEC = ["蓝牙耳机", "充电宝", "台灯", "电饭煲", "电动牙刷", "剃须刀", "小风扇", "加湿器"]
LIQ = ["面膜", "洗面奶", "防晒霜", "精华液", "洗发水", "沐浴露"]
DAYS = ["今天", "明天", "周末", "这周", "下周一", "双十一", "月底"]


def order_no():
    kind = rnd.random()
    if kind < 0.5:
        return "DD2026" + "".join(rnd.choice("0123456789") for _ in range(7))
    if kind < 0.8:
        return "".join(rnd.choice("0123456789") for _ in range(18))
    return "TB" + "".join(rnd.choice("0123456789") for _ in range(12))


def tail():
    return "".join(rnd.choice("0123456789") for _ in range(4))


def fill(t):
    out = t
    while "{" in out:
        out = (out.replace("{p}", rnd.choice(PRODUCTS), 1).replace("{s}", rnd.choice(SHORT), 1)
               .replace("{cl}", rnd.choice(CLOTHES), 1)
               .replace("{pc}", rnd.choice(PC), 1).replace("{e}", rnd.choice(ELEC), 1).replace("{lq}", rnd.choice(LIQ), 1).replace("{c}", rnd.choice(COLOURS), 1)
               .replace("{z}", rnd.choice(SIZES), 1).replace("{city}", rnd.choice(CITIES), 1)
               .replace("{k}", rnd.choice(CARRIERS), 1).replace("{o}", order_no(), 1)
               .replace("{t}", tail(), 1).replace("{d}", rnd.choice(DAYS), 1)
               .replace("{h}", str(rnd.randint(150, 185)), 1).replace("{w}", str(rnd.randint(42, 90)), 1)
               .replace("{n}", str(rnd.randint(2, 9)), 1).replace("{q}", str(rnd.randint(2, 5)), 1))
    return out


def dress(t, open_p=0.5, end_p=0.6):
    text = fill(t)
    if rnd.random() < open_p:
        text = rnd.choice(OPENERS) + text
    if rnd.random() < end_p and text[-1] not in "？?！!。~":
        # a question that already ends in 吗/呢 only takes a question mark or a thank-you
        text = text + (rnd.choice(["？", "", "，谢谢", "？急"]) if text[-1] in "吗呢么" else rnd.choice(ENDINGS))
    return text


TOPICS = {
    # topic: (weight, templates)
    "greeting": (3, ["你好", "在吗", "在不在", "有人吗", "您好，在吗", "亲在吗", "客服在不在", "hello 有人在吗", "你好，想咨询一下",
                     "在吗在吗", "有人在吗？想问点事", "您好，我想问一下{s}"]),
    "thanks_bye": (3, ["谢谢", "好的谢谢", "好的再见", "没事了", "明白了，谢谢你", "好的，辛苦了", "知道了谢谢亲", "行，那我再看看",
                       "ok谢谢", "好嘞，拜拜", "好的我去拍了", "清楚了，麻烦你了"]),
    "presale.stock": (8, ["{p}还有货吗", "{c}的{z}还有吗", "{p}{c}有现货吗", "{s}什么时候补货", "{p}能拍吗", "{c}{z}是不是卖完了",
                          "{p}库存还有多少", "{s}{c}还能买到吗", "{p}断货了吗", "想要{c}的，还有{z}吗", "{s}的{c}什么时候到货",
                          "{p}现在下单有货吗", "{p}预售还是现货"]),
    "presale.size": (8, ["身高{h}体重{w}斤穿什么码", "我{h}cm {w}kg，{cl}选多大", "{pc}偏大还是偏小", "平时穿{z}，{cl}拍哪个码",
                         "{cl}尺码怎么选", "{h}的个子{w}公斤穿{z}合适吗", "{pc}码数标准吗", "脚长24.5穿多大的鞋",
                         "{cl}{z}的胸围是多少", "{h}/{w}斤，{cl}要{z}还是大一码", "{pc}是修身的还是宽松的",
                         "孩子{n}岁穿多大码", "{cl}有没有尺码表"]),
    "presale.material": (6, ["{p}什么材质", "{cl}是纯棉的吗", "{pc}面料是什么", "{cl}起球吗", "{p}是什么料子的", "{cl}含棉量多少",
                             "{pc}透气吗", "{cl}会缩水吗", "这双鞋是真皮的吗", "羽绒服里面填充的是什么", "{cl}薄不薄，夏天穿热吗",
                             "{p}有没有异味"]),
    "presale.quality": (6, ["{p}质量怎么样", "{s}是正品吗", "{cl}会不会掉色", "{p}质量好不好", "{e}能用多久", "{e}保修多久",
                            "{s}是不是假货", "{cl}洗了会变形吗", "{p}耐不耐用", "{s}有质检报告吗", "{p}跟专柜的一样吗"]),
    "presale.discount": (8, ["{p}能便宜点吗", "有优惠吗", "包邮吗", "送赠品吗", "{s}买{q}件能打折吗", "有没有优惠券", "{d}有活动吗",
                             "能不能再少点", "老顾客有折扣吗", "{city}包邮吗", "{s}满减怎么算", "拍{q}个能便宜多少",
                             "{p}{d}会降价吗", "新人有红包吗", "偏远地区{city}包不包邮"]),
    "shipping.carrier": (5, ["发什么快递", "能发{k}吗", "用的哪家快递", "默认什么快递", "{city}能发{k}吗", "可以指定{k}吗",
                             "{k}到不了我这，能换别的吗", "发{k}要加钱吗", "我这边只收{k}", "你们合作的是哪家物流"]),
    "shipping.time": (8, ["什么时候发货", "几天能到", "多久发货", "今天能发吗", "{d}能发货吗", "发到{city}要几天", "现在拍{d}能到吗",
                          "{p}什么时候发", "下午拍的今天发吗", "{city}几天到", "预售的{s}什么时候发", "几点前下单当天发",
                          "从哪里发货，到{city}多久"]),
    "order.paid_ship": (5, ["已经付款了快点发货", "拍了尽快发", "付过钱了 麻烦早点发", "已付款 请尽快发货", "订单{o}付款了，麻烦快点发",
                            "我{d}要用，付完款了能优先发吗", "钱都付了怎么还不发货", "刚下单了，{s}尽快发一下", "付款{n}天了还没发货"]),
    "order.track": (8, ["物流到哪了", "查一下快递", "我的订单状态", "快递到哪了", "帮我查下订单{o}", "订单号{o}，到哪了",
                        "{o}这个单发货了吗", "我买的{s}到哪了", "帮忙看看{o}物流", "单号{o}，手机尾号{t}，查下物流",
                        "查询订单 {o}", "我{d}买的{s}现在什么状态"]),
    "logistics.delay": (6, ["快递怎么还没到", "好几天了物流不动", "物流一直不更新", "怎么这么慢还没收到", "{k}{n}天没动了",
                            "说好{q}天到，现在都{n}天了", "订单{o}物流卡在{city}了", "物流显示到{city}就不动了",
                            "快递一直在中转，怎么回事", "到{city}的件怎么这么慢"]),
    "order.change_address": (5, ["地址写错了能改吗", "修改收货地址", "能改地址吗", "我想换个收货地址", "收货地址改成{city}",
                                 "订单{o}地址填错了", "电话号码写错了怎么改", "能改成寄到公司吗", "地址少写了门牌号",
                                 "还没发货的话帮我改下地址"]),
    "order.cancel": (5, ["我不要了取消订单", "怎么取消", "取消订单", "拍错了 能取消吗", "{s}拍重复了，取消一个", "订单{o}帮我取消",
                         "不想要了，还没发货能退款吗", "颜色拍错了，取消重拍", "拍多了{q}件，取消掉吧"]),
    "aftersales.return": (7, ["我要退货", "怎么申请退款", "七天无理由", "能退吗", "{p}不喜欢想退", "{cl}穿着不合适，能退货吗",
                              "退货运费谁出", "退货地址是哪里", "吊牌剪了还能退吗", "{s}拆封了能退吗", "订单{o}申请退货",
                              "买了{n}天了还能退吗", "有运费险吗"]),
    "aftersales.exchange": (5, ["能换个码吗", "换货怎么弄", "大了想换小一号", "颜色不喜欢能换吗", "{cl}{z}小了，换大一码",
                                "想把{c}换成{c}", "{pc}换货要多久", "换货来回运费怎么算", "鞋子挤脚想换{z}"]),
    "aftersales.refund_status": (5, ["退款什么时候到账", "退款怎么还没到", "钱什么时候退回来", "退款几天到", "退货{n}天了钱还没退",
                                     "订单{o}退款到哪一步了", "退款退到哪里了", "你们收到退货了吗，什么时候退钱",
                                     "退款显示成功了但是没收到"]),
    "aftersales.damaged": (5, ["收到是坏的", "少发了一件", "发错货了", "东西破了", "{s}收到就是坏的", "我买的{c}发来的是{c}",
                               "{p}有划痕", "包裹破了{s}摔坏了", "少了个配件", "{lq}漏液了", "尺码发错了，我买的{z}"]),
    "aftersales.product_problem": (4, ["用了两天就坏了", "不会用", "有质量问题", "用着用着不亮了", "{e}充不进电", "{e}开不了机",
                                       "{cl}洗了一次就开线了", "{e}有杂音", "{p}怎么用啊", "耳机连不上手机",
                                       "{cl}掉色染了别的衣服"]),
    "invoice": (3, ["能开发票吗", "发票怎么开", "要开票", "可以开专票吗", "订单{o}需要开发票", "电子发票在哪里看", "发票抬头写公司",
                    "开票要多久", "能开增值税专用发票吗"]),
    "payment": (3, ["付不了款", "可以货到付款吗", "能用花呗吗", "支付失败", "能分期吗", "微信能付吗", "付款一直转圈",
                    "信用卡可以付吗", "能先发货后付款吗"]),
    # out of scope: a shop bot hears these, no script answers them
    "oos": (13, ["你们实体店在哪", "能不能帮我推荐个送女朋友的礼物", "{city}今天天气怎么样", "你是机器人吗", "你们公司招人吗",
                 "能加个微信吗", "直播什么时候开始", "可以代购吗", "会员积分怎么兑换", "你们老板是谁", "给我讲个笑话",
                 "{s}和别家的比哪个好", "能不能做定制logo", "批发价多少", "你们有没有线下活动", "可以寄到国外吗",
                 "怎么成为你们的分销", "{s}适合送长辈吗", "你叫什么名字", "我想做你们家代理", "店铺是几年的老店",
                 "能不能帮我砍一刀", "有没有{s}的视频", "怎么关注店铺", "能帮我写个好评模板吗", "你们是厂家直销吗",
                 "我想问下{city}有专柜吗", "生日能送个小礼物吗", "{s}上过电视广告吗", "你们家还卖{s}吗，我找不到链接"]),
    "human": (2, ["转人工", "人工客服", "找你们客服", "我要人工", "帮我转人工客服", "机器人听不懂，叫个真人来"]),
    "complaint": (1, ["我要投诉", "服务太差了", "你们这什么态度", "我要举报你们", "再不处理我就投诉了", "{s}质量这么差，我要投诉"]),
}


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    total_weight = sum(w for w, _ in TOPICS.values())
    lines, seen = [], set()
    for topic, (weight, templates) in TOPICS.items():
        want = max(len(templates), round(target * weight / total_weight))
        got, tries = 0, 0
        # first every template once (without slots the template is a line by itself), then variations
        for t in templates:
            text = fill(t)
            if text not in seen:
                seen.add(text)
                lines.append(text)
                got += 1
        while got < want and tries < want * 50:
            tries += 1
            text = dress(rnd.choice(templates))
            if text in seen or len(text) < 2:
                continue
            seen.add(text)
            lines.append(text)
            got += 1
    rnd.shuffle(lines)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
