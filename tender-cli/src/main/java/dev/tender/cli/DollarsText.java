package dev.tender.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An amount of US dollars as people type one: {@code 50}, {@code 12.5}. */
final class DollarsText implements ITypeConverter<BigDecimal> {

    @Override
    public BigDecimal convert(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not an amount of USD; write 50 or 12.5");
        }
    }
}
