package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * Scalar values of OTLP/JSON: integers as numbers or decimal strings, enums as integers (names
 * accepted too), ids as hex, other bytes as base64.
 */
final class JsonScalars {
  private static final BigInteger MAX_UNSIGNED_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private JsonScalars() {}

  static Object read(JsonParser p, FieldDescriptor fd) throws IOException {
    JsonToken t = p.currentToken();
    return switch (fd.getJavaType()) {
      case STRING -> {
        if (t != JsonToken.VALUE_STRING) throw FieldError.at(p, "expected a string, got " + describe(t));
        yield p.getText();
      }
      case BOOLEAN -> bool(p, t);
      case INT -> (int) integer(p, t, fd.getType());
      case LONG -> integer(p, t, fd.getType());
      case DOUBLE -> floating(p, t);
      case FLOAT -> (float) floating(p, t);
      case BYTE_STRING -> bytes(p, t, fd.getName());
      case ENUM -> enumValue(p, t, fd);
      case MESSAGE -> throw new IllegalStateException("messages are read by OtlpJsonReader");
    };
  }

  private static boolean bool(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_TRUE) return true;
    if (t == JsonToken.VALUE_FALSE) return false;
    if (t == JsonToken.VALUE_STRING) {
      if ("true".equals(p.getText())) return true;
      if ("false".equals(p.getText())) return false;
    }
    throw FieldError.at(p, "expected true or false, got " + describe(p, t));
  }

  /** 64-bit values as Java long; unsigned ones above Long.MAX_VALUE wrap as protobuf-java does. */
  private static long integer(JsonParser p, JsonToken t, FieldDescriptor.Type type) throws IOException {
    BigInteger value;
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return checkRange(p, BigInteger.valueOf(p.getLongValue()), p.getLongValue(), type);
    } else if (t == JsonToken.VALUE_NUMBER_INT) {
      value = p.getBigIntegerValue();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      value = integral(p, p.getDecimalValue());
    } else if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      try {
        long fast = Long.parseLong(s);
        return checkRange(p, BigInteger.valueOf(fast), fast, type);
      } catch (NumberFormatException notPlain) {
        try {
          value = integral(p, new BigDecimal(s));
        } catch (NumberFormatException e) {
          throw FieldError.at(p, "expected an integer, got " + describe(p, t));
        }
      }
    } else {
      throw FieldError.at(p, "expected an integer (a number or a decimal string), got " + describe(t));
    }
    return checkRange(p, value, value.longValue(), type);
  }

  private static BigInteger integral(JsonParser p, BigDecimal d) {
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw FieldError.at(p, "expected an integer, got " + d.toPlainString());
    }
  }

  private static long checkRange(JsonParser p, BigInteger value, long asLong, FieldDescriptor.Type type) {
    boolean ok = switch (type) {
      case INT32, SINT32, SFIXED32 -> value.bitLength() < 32;
      case UINT32, FIXED32 -> value.signum() >= 0 && value.bitLength() <= 32;
      case UINT64, FIXED64 -> value.signum() >= 0 && value.compareTo(MAX_UNSIGNED_64) <= 0;
      default -> value.bitLength() < 64;
    };
    if (!ok) throw FieldError.at(p, "integer " + value + " is out of range for " + type.name().toLowerCase());
    return asLong;
  }

  private static double floating(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      switch (s) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(s);
          } catch (NumberFormatException e) {
            throw FieldError.at(p, "expected a number, got " + describe(p, t));
          }
      }
    }
    throw FieldError.at(p, "expected a number, got " + describe(t));
  }

  private static ByteString bytes(JsonParser p, JsonToken t, String protoName) throws IOException {
    if (t != JsonToken.VALUE_STRING) throw FieldError.at(p, "expected a string, got " + describe(t));
    String s = p.getText();
    return switch (protoName) {
      case "trace_id" -> hexId(p, s, 32);
      case "span_id", "parent_span_id" -> hexId(p, s, 16);
      default -> base64(p, s);
    };
  }

  /** OTLP/JSON ids are hex (any case), never base64; "" means "not set". */
  private static ByteString hexId(JsonParser p, String s, int hexLength) {
    if (s.isEmpty()) return ByteString.EMPTY;
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < s.length(); i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0 || s.charAt(i) > 'f') {
        throw FieldError.at(p, "expected " + hexLength + " hex characters (OTLP/JSON ids are hex, not base64), got '"
            + abbreviate(s) + "'");
      }
      if (i / 2 < out.length) out[i / 2] |= (byte) ((i % 2 == 0) ? digit << 4 : digit);
    }
    if (s.length() != hexLength) {
      throw FieldError.at(p, "expected " + hexLength + " hex characters, got " + s.length());
    }
    return ByteString.copyFrom(out);
  }

  private static ByteString base64(JsonParser p, String s) {
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(s));
    } catch (IllegalArgumentException notStandard) {
      try {
        return ByteString.copyFrom(Base64.getUrlDecoder().decode(s));
      } catch (IllegalArgumentException e) {
        throw FieldError.at(p, "expected base64, got '" + abbreviate(s) + "'");
      }
    }
  }

  private static EnumValueDescriptor enumValue(JsonParser p, JsonToken t, FieldDescriptor fd) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return fd.getEnumType().findValueByNumberCreatingIfUnknown(p.getIntValue());
    }
    if (t == JsonToken.VALUE_STRING) {
      EnumValueDescriptor byName = fd.getEnumType().findValueByName(p.getText());
      if (byName != null) return byName;
      try {
        return fd.getEnumType().findValueByNumberCreatingIfUnknown(Integer.parseInt(p.getText().trim()));
      } catch (NumberFormatException e) {
        throw FieldError.at(p, "unknown " + fd.getEnumType().getName() + " value " + describe(p, t)
            + "; OTLP/JSON enums are integers");
      }
    }
    throw FieldError.at(p, "expected an integer enum value, got " + describe(t));
  }

  static String describe(JsonToken t) {
    if (t == null) return "end of input";
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  private static String describe(JsonParser p, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_STRING ? "'" + abbreviate(p.getText()) + "'" : p.getText();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
