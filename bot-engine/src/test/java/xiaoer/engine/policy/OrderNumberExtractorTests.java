package xiaoer.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderNumberExtractorTests {

    private final OrderNumberExtractor extractor = new OrderNumberExtractor();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            我的订单号是DD20240214001          | DD20240214001
            訂單號：dd20240214001              | DD20240214001
            单号 20240214001 帮我查一下         | 20240214001
            ２０２４０２１４００１２３４          | 20240214001234
            手机13812345678，订单123456789012  | 123456789012
            我手机号13812345678                | none
            +8613812345678                   | none
            尾号1234                          | none
            订单号123456789                   | none
            买了2件，100块                     | none
            型号ABC123                        | none
            """)
    void findsOrderNumbersButNeverAPhone(String text, String expected) {
        assertThat(extractor.orderNumber(text).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            手机尾号1234                | 1234
            手機尾號是 5678              | 5678
            手机后四位 1234              | 1234
            手机号后4位：0099            | 0099
            1234                       | 1234
            ４３２１。                   | 4321
            my last four digits are 2468 | 2468
            it's DD20261124002, phone ends 1234 | 1234
            Phone number ends with 7788  | 7788
            the mobile ending in 0420    | 0420
            last 4 of my phone: 1357     | 1357
            last four 9753               | 9753
            my phone ends 12345          | none
            尾号12345                   | none
            12345                      | none
            13812345678                | none
            """)
    void findsPhoneTails(String text, String expected) {
        assertThat(extractor.phoneTail(text).orElse(null)).isEqualTo(expected);
    }

    @Test
    void aShopCanUseItsOwnNumbering() {
        OrderNumberExtractor shop = new OrderNumberExtractor(
                OrderNumberSettings.defaults().withOrderNumber("(?<![0-9a-z])xe[0-9]{6}(?![0-9])"));
        assertThat(shop.orderNumber("单号XE123456")).contains("XE123456");
        assertThat(shop.orderNumber("单号20240214001")).isEmpty();
    }

    @Test
    void nullTextHasNothing() {
        assertThat(extractor.orderNumber(null)).isEmpty();
        assertThat(extractor.phoneTail(null)).isEmpty();
    }
}
