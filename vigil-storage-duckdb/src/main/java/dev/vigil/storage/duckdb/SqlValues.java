package dev.vigil.storage.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * Turns DuckDB JDBC values into what a JSON writer can print as is: null, Boolean, String,
 * Integer/Long/BigInteger/BigDecimal (exact), Float/Double (NaN and infinities as strings), List,
 * and Map with String keys. Timestamps become ISO-8601 strings: without time zone as local
 * date-time, with time zone as a UTC instant. Blobs become base64; JSON, INTERVAL, ENUM, UUID
 * and BIT their text.
 */
final class SqlValues {

  private SqlValues() {}

  static Object read(ResultSet rs, int column, int sqlType) throws SQLException {
    if (sqlType == Types.TIMESTAMP) {
      // java.sql.Timestamp goes through the JVM's time zone and shifts times in DST gaps
      LocalDateTime value = rs.getObject(column, LocalDateTime.class);
      return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
    }
    return json(rs.getObject(column));
  }

  static Object json(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case Boolean b -> b;
      case String s -> s;
      case Byte b -> b.intValue();
      case Short s -> s.intValue();
      case Integer i -> i;
      case Long l -> l;
      case BigInteger b -> b;
      case BigDecimal b -> b;
      case Float f -> finite(f.doubleValue(), f);
      case Double d -> finite(d, d);
      case OffsetDateTime t -> t.toInstant().toString();
      case LocalDateTime t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
      // nested TIMESTAMPs arrive as java.sql.Timestamp; see read() for top-level columns
      case Timestamp t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.toLocalDateTime());
      case TemporalAccessor t -> t.toString(); // LocalDate, LocalTime, OffsetTime: ISO-8601
      case Blob b -> Base64.getEncoder().encodeToString(b.getBytes(1, (int) b.length()));
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      case Array a -> list((Object[]) a.getArray());
      case Object[] items -> list(items);
      case DuckDBStruct s -> map(s.getMap());
      case Map<?, ?> m -> map(m);
      default -> value.toString(); // UUID, JsonNode, and anything newer
    };
  }

  private static Object finite(double d, Object boxed) {
    return Double.isFinite(d) ? boxed : Double.toString(d); // JSON has no NaN or Infinity
  }

  private static List<Object> list(Object[] items) throws SQLException {
    List<Object> out = new ArrayList<>(items.length);
    for (Object item : items) out.add(json(item));
    return out;
  }

  private static Map<String, Object> map(Map<?, ?> in) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : in.entrySet()) out.put(String.valueOf(json(e.getKey())), json(e.getValue()));
    return out;
  }
}
