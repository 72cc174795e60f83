package org.huntindex.source.evtx;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs tasks on an executor with at most {@code maxInFlight} outstanding and hands their results to a consumer on the
 * calling thread in submission order.
 */
final class OrderedHandOff<T> {
  private final Executor executor;
  private final int maxInFlight;
  private final Consumer<T> consumer;
  private final ArrayDeque<FutureTask<T>> inFlight = new ArrayDeque<>();

  OrderedHandOff(Executor executor, int maxInFlight, Consumer<T> consumer) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    this.executor = executor;
    this.maxInFlight = maxInFlight;
    this.consumer = consumer;
  }

  void submit(Callable<T> task) throws InterruptedIOException {
    while (inFlight.size() >= maxInFlight) {
      deliverOldest();
    }
    FutureTask<T> future = new FutureTask<>(task);
    inFlight.add(future);
    executor.execute(future);
  }

  /** Waits for and delivers everything submitted. */
  void finish() throws InterruptedIOException {
    while (!inFlight.isEmpty()) {
      deliverOldest();
    }
  }

  /** Cancels what has not run yet; for the error path. */
  void cancel() {
    inFlight.forEach(f -> f.cancel(false));
    inFlight.clear();
  }

  private void deliverOldest() throws InterruptedIOException {
    FutureTask<T> oldest = inFlight.peek();
    T result;
    try {
      result = oldest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while decoding");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    inFlight.poll();
    consumer.accept(result);
  }
}
