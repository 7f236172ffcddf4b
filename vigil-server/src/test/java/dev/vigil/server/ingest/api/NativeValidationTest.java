package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every item-level message, with its field path. Items are written with ' for " to stay readable. */
class NativeValidationTest {

  private static Arguments bad(String item, String error) {
    return Arguments.of(item.replace('\'', '"'), error);
  }

  private static String s(String extra) {
    return span(extra.replace('\'', '"'));
  }

  private static String score(String extra) {
    return "{'type':'score','id':'sc','trace_id':'t','name':'n'" + extra + "}";
  }

  static Stream<Arguments> invalidItems() {
    String iso = "an ISO-8601 timestamp with offset such as 2026-11-22T10:00:00.123Z";
    return Stream.of(
        // item shape and type
        bad("'x'", "items[0]: expected an object, got \"x\""),
        bad("null", "items[0]: expected an object, got null"),
        bad("[1]", "items[0]: expected an object, got an array"),
        bad("{}", "items[0].type: required"),
        bad("{'type':3}", "items[0].type: expected a string, got 3"),
        bad("{'type':'generation'}",
            "items[0].type: unknown value \"generation\"; expected one of trace, span, score, feedback, change"),
        // ids
        bad("{'type':'span','span_id':'s'}", "items[0].trace_id: required"),
        bad("{'type':'span','trace_id':''}", "items[0].trace_id: required"),
        bad("{'type':'span','trace_id':'t'}", "items[0].span_id: required"),
        bad("{'type':'span','trace_id':42}", "items[0].trace_id: expected a string, got 42"),
        bad("{'type':'span','trace_id':'00000000000000000000000000000000'}", "items[0].trace_id: must not be all zeros"),
        bad("{'type':'span','trace_id':'00000000-0000-0000-0000-000000000000'}",
            "items[0].trace_id: must not be all zeros"),
        bad("{'type':'span','trace_id':'t','span_id':'0000000000000000'}", "items[0].span_id: must not be all zeros"),
        bad("{'type':'span','trace_id':'t','span_id':'a','parent_span_id':'a'}",
            "items[0].parent_span_id: must differ from span_id"),
        bad("{'type':'trace','trace_id':'t','parent_span_id':'p'}",
            "items[0].parent_span_id: not allowed on a trace item, which is the root span"),
        // times
        bad("{'type':'span','trace_id':'t','span_id':'s','name':'n'}",
            "items[0].start_time: required (or start_time_unix_nano)"),
        bad(s(",'start_time_unix_nano':1"), "items[0].start_time_unix_nano: give start_time or start_time_unix_nano, not both"),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time':'2026-11-22T10:00:00'}",
            "items[0].start_time: expected " + iso + ", got \"2026-11-22T10:00:00\""),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time':1763805600}",
            "items[0].start_time: expected " + iso + ", got 1763805600"),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time':'1969-12-31T23:59:59Z'}",
            "items[0].start_time: must be after 1970-01-01T00:00:00Z, got \"1969-12-31T23:59:59Z\""),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time_unix_nano':0}",
            "items[0].start_time_unix_nano: must be after 1970-01-01T00:00:00Z, got 0"),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time_unix_nano':'12a'}",
            "items[0].start_time_unix_nano: expected integer nanoseconds since the Unix epoch, got \"12a\""),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time_unix_nano':1.5}",
            "items[0].start_time_unix_nano: expected integer nanoseconds since the Unix epoch, got 1.5"),
        bad("{'type':'trace','trace_id':'t','name':'n','start_time_unix_nano':'9999999999999999999'}",
            "items[0].start_time_unix_nano: expected integer nanoseconds since the Unix epoch, got \"9999999999999999999\""),
        bad(s(",'end_time':'2026-11-22T09:00:00Z'"), "items[0].end_time: before start_time"),
        bad(s(",'end_time_unix_nano':5"), "items[0].end_time_unix_nano: before start_time"),
        // span fields
        bad("{'type':'span','trace_id':'t','span_id':'s','start_time':'2026-11-22T10:00:00Z'}", "items[0].name: required"),
        bad(s(",'span_type':'generation'"), "items[0].span_type: unknown value \"generation\"; expected one of "
            + "llm, embedding, retrieval, reranker, tool, agent, chain, guardrail, evaluator, other"),
        bad(s(",'status':'fine'"), "items[0].status: unknown value \"fine\"; expected one of unset, ok, error"),
        bad(s(",'user_id':5"), "items[0].user_id: expected a string, got 5"),
        bad(s(",'status_message':{}"), "items[0].status_message: expected a string, got an object"),
        bad(s(",'tags':'beta'"), "items[0].tags: expected an array, got \"beta\""),
        bad(s(",'tags':['a','']"), "items[0].tags[1]: expected a non-empty string, got \"\""),
        bad(s(",'tags':[1]"), "items[0].tags[0]: expected a non-empty string, got 1"),
        bad(s(",'metadata':['k']"), "items[0].metadata: expected an object, got an array"),
        bad(s(",'metadata':{'':'v'}"), "items[0].metadata: empty key"),
        bad(s(",'attributes':{'a':{'b':[1,99999999999999999999]}}"),
            "items[0].attributes.a.b[1]: integer out of range, got 99999999999999999999"),
        // model call
        bad(s(",'usage':{'input_tokens':'ten'}"), "items[0].usage.input_tokens: expected a non-negative integer, got \"ten\""),
        bad(s(",'usage':{'output_tokens':-1}"), "items[0].usage.output_tokens: expected a non-negative integer, got -1"),
        bad(s(",'usage':{'reasoning_tokens':1.5}"), "items[0].usage.reasoning_tokens: expected a non-negative integer, got 1.5"),
        bad(s(",'usage':5"), "items[0].usage: expected an object, got 5"),
        bad(s(",'usage':{'input_tokens':10,'cache_read_tokens':8,'cache_write_tokens':4}"),
            "items[0].usage: cache_read_tokens + cache_write_tokens (12) exceed input_tokens (10); "
                + "input_tokens must include cached tokens"),
        bad(s(",'usage':{'output_tokens':10,'reasoning_tokens':11}"),
            "items[0].usage: reasoning_tokens (11) exceed output_tokens (10); output_tokens must include reasoning tokens"),
        bad(s(",'cost':{}"), "items[0].cost: expected at least one of total, input, output, cache_read, cache_write, reasoning"),
        bad(s(",'cost':{'total':-0.1}"), "items[0].cost.total: expected a non-negative number, got -0.1"),
        bad(s(",'cost':{'input':'0.1'}"), "items[0].cost.input: expected a non-negative number, got \"0.1\""),
        bad(s(",'time_to_first_token_ms':-5"), "items[0].time_to_first_token_ms: expected a non-negative number, got -5"),
        bad(s(",'stream':'yes'"), "items[0].stream: expected true or false, got \"yes\""),
        bad(s(",'parameters':[1]"), "items[0].parameters: expected an object, got an array"),
        // content
        bad(s(",'input_messages':{}"), "items[0].input_messages: expected an array, got an object"),
        bad(s(",'input_messages':[{'role':'user'},'hi']"), "items[0].input_messages[1]: expected an object, got \"hi\""),
        bad(s(",'input_messages':[{'content':'hi'}]"), "items[0].input_messages[0].role: required"),
        bad(s(",'output_messages':[{'role':'user','content':[{'type':'text'}]}]"),
            "items[0].output_messages[0].content: expected a string, got an array"),
        bad(s(",'output_messages':[{'role':'assistant','tool_calls':[{'id':'c1'}]}]"),
            "items[0].output_messages[0].tool_calls[0].name: required"),
        bad(s(",'documents':[{'score':'high'}]"), "items[0].documents[0].score: expected a number, got \"high\""),
        bad(s(",'documents':[{'metadata':'x'}]"), "items[0].documents[0].metadata: expected an object, got \"x\""),
        // score
        bad("{'type':'score','trace_id':'t','name':'n','value':1}", "items[0].id: required"),
        bad("{'type':'score','id':5}", "items[0].id: expected a string, got 5"),
        bad("{'type':'score','id':'sc','name':'n','value':1}", "items[0].trace_id: required"),
        bad("{'type':'score','id':'sc','trace_id':'t','value':1}", "items[0].name: required"),
        bad(score(""), "items[0].value: required"),
        bad(score(",'value':'high'"), "items[0].value: expected a number, got \"high\""),
        bad(score(",'value':true,'data_type':'numeric'"), "items[0].value: expected a number, got true"),
        bad(score(",'data_type':'categorical','value':1"), "items[0].label: required"),
        bad(score(",'data_type':'boolean'"), "items[0].value: required"),
        bad(score(",'data_type':'boolean','value':0.5"),
            "items[0].value: expected true, false, 0 or 1 for a boolean score, got 0.5"),
        bad(score(",'value':1,'data_type':'text'"),
            "items[0].data_type: unknown value \"text\"; expected one of numeric, categorical, boolean"),
        bad(score(",'value':1,'source':'human'"),
            "items[0].source: unknown value \"human\"; expected one of eval, api, annotation, feedback"),
        bad(score(",'value':1,'timestamp':'yesterday'"), "items[0].timestamp: expected " + iso + ", got \"yesterday\""),
        bad(score(",'value':1,'metadata':{'k':'v','k2':[1]},'comment':7"), "items[0].comment: expected a string, got 7"),
        // feedback
        bad("{'type':'feedback','id':'f','trace_id':'t'}", "items[0].kind: required"),
        bad("{'type':'feedback','id':'f','kind':'copied'}", "items[0].trace_id: required"),
        bad("{'type':'feedback','id':'f','trace_id':'t','kind':'like'}", "items[0].kind: unknown value \"like\"; "
            + "expected one of thumbs_up, thumbs_down, rating, comment, correction, follow_up, abandoned, copied"),
        bad("{'type':'feedback','id':'f','trace_id':'t','kind':'rating'}", "items[0].value: required"),
        bad("{'type':'feedback','id':'f','trace_id':'t','kind':'rating','value':'5'}",
            "items[0].value: expected a number, got \"5\""),
        bad("{'type':'feedback','id':'f','trace_id':'t','kind':'comment','comment':'  '}",
            "items[0].comment: required for comment feedback"),
        bad("{'type':'feedback','id':'f','trace_id':'t','kind':'correction'}",
            "items[0].comment: required for correction feedback"),
        // change
        bad("{'type':'change','id':'c'}", "items[0].change_type: required"),
        bad("{'type':'change','id':'c','change_type':'deploy'}", "items[0].change_type: unknown value \"deploy\"; "
            + "expected one of deployment, prompt_version, model_version, config, other"),
        bad("{'type':'change','id':'c','change_type':'config','attributes':'x'}",
            "items[0].attributes: expected an object, got \"x\""));
  }

  @ParameterizedTest
  @MethodSource("invalidItems")
  void rejectsWithPathAndReason(String item, String expected) {
    assertThat(errorOf(item)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidItems")
  void aBadItemDoesNotFailItsNeighbours(String item, String expected) {
    String other = "{\"type\":\"change\",\"id\":\"c\",\"change_type\":\"config\"}";
    NativeBatch b = decodeItems(span(""), item, other);
    assertThat(b.results()).extracting(ItemResult::status).containsExactly(201, 400, 201);
    assertThat(b.results().get(1).error()).isEqualTo(expected.replace("items[0]", "items[1]"));
    assertThat(b.spans()).hasSize(1);
    assertThat(b.changes()).hasSize(1);
  }
}
