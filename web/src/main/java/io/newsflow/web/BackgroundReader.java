package io.newsflow.web;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A consumer read on its own daemon thread until closed; what it reads is kept for the page to ask for. */
abstract class BackgroundReader<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundReader.class);

    protected final KafkaConsumer<K, V> consumer;
    private final Thread thread;

    BackgroundReader(KafkaConsumer<K, V> consumer, String name) {
        this.consumer = consumer;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Assigns the partitions to read and seeks to where reading starts. */
    abstract void position();

    abstract void accept(ConsumerRecord<K, V> record);

    private void run() {
        try {
            position();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofSeconds(1))) {
                    accept(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the reader to stop
        } catch (RuntimeException e) {
            log.error("{} stopped reading", thread.getName(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
