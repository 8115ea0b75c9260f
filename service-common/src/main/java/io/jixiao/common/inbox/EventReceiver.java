package io.jixiao.common.inbox;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service does with the records its channels bring ({@link EventConsumers}): one bean per consuming
 * service, mostly {@code inbox.receiveBatch(records, itsProjection)}. A call that throws has applied nothing
 * for good: the records come again (the inbox recognises what was applied).
 */
public interface EventReceiver {

    void receive(String channel, List<ConsumerRecord<String, String>> records);
}
