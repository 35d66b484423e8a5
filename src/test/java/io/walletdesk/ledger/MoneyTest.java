package io.walletdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.shared.money.Money;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsTheIndonesianWay() {
        assertThat(Money.of(20_000).formatted()).isEqualTo("Rp20.000");
        assertThat(Money.of(0).formatted()).isEqualTo("Rp0");
        assertThat(Money.of(999).formatted()).isEqualTo("Rp999");
        assertThat(Money.of(1_000).formatted()).isEqualTo("Rp1.000");
        assertThat(Money.of(40_000_000).formatted()).isEqualTo("Rp40.000.000");
        assertThat(Money.of(-1_500).formatted()).isEqualTo("-Rp1.500");
    }

    @Test
    void readsWhatPeopleType() {
        assertThat(Money.parse("20000").rupiah()).isEqualTo(20_000);
        assertThat(Money.parse("20.000").rupiah()).isEqualTo(20_000);
        assertThat(Money.parse("Rp20.000").rupiah()).isEqualTo(20_000);
        assertThat(Money.parse(" Rp 1,500,000 ").rupiah()).isEqualTo(1_500_000);
        assertThat(Money.parse("IDR 50000").rupiah()).isEqualTo(50_000);
    }

    @Test
    void refusesCentsAndNonsense() {
        assertThatThrownBy(() -> Money.parse("20.000,50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("12.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("9999999999999999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticNeverOverflowsSilently() {
        assertThat(Money.of(5).plus(Money.of(7))).isEqualTo(Money.of(12));
        assertThat(Money.of(5).minus(Money.of(7)).isNegative()).isTrue();
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE).plus(Money.of(1))).isInstanceOf(ArithmeticException.class);
    }
}
