// Reads the record with a given key from a topic as a downstream JavaScript service would: kafkajs, which decodes
// gzip and no other codec without plugins, and Confluent's Schema Registry client on the registry's ccompat API.
// Prints {"schemaId": N, "value": {...}} on one line; exits 1 when the record cannot be read, 2 when none comes.
//
//   node read-record.mjs BOOTSTRAP_SERVERS REGISTRY_CCOMPAT_URL TOPIC KEY
import { Kafka, logLevel } from 'kafkajs';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const [bootstrap, registryUrl, topic, key] = process.argv.slice(2);
const WAIT_MS = 90_000;

const kafka = new Kafka({ clientId: 'newsflow-js-check', brokers: bootstrap.split(','), logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: `newsflow-js-check-${process.pid}-${Date.now()}` });
const values = new AvroDeserializer(new SchemaRegistryClient({ baseURLs: [registryUrl] }), SerdeType.VALUE, {});

// Leaves without disconnecting: a disconnect waits for the message handler this is called from. The group is this
// run's own, and the broker drops it when its session ends.
function exit(code, message) {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

const timer = setTimeout(() => exit(2, `no record with key ${key} on ${topic} within ${WAIT_MS} ms`), WAIT_MS);
const json = (name, value) => (typeof value === 'bigint' ? value.toString() : value);

try {
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  // A batch kafkajs cannot decode (a codec other than gzip) crashes the consumer for good rather than failing a
  // message; a crash it recovers from restarts the consumer.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) {
      exit(1, `cannot consume ${topic}: ${payload.error.message}`);
    }
  });
  consumer.on(consumer.events.GROUP_JOIN,
    ({ payload }) => console.error(`joined, assigned ${JSON.stringify(payload.memberAssignment)}`));
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key?.toString() !== key) {
        return;
      }
      clearTimeout(timer);
      try {
        const value = await values.deserialize(topic, message.value);
        exit(0, JSON.stringify({ schemaId: message.value.readInt32BE(1), value }, json));
      } catch (e) {
        exit(1, `cannot read ${topic} record ${key}: ${e.message}`);
      }
    },
  });
} catch (e) {
  exit(1, `cannot consume ${topic}: ${e.message}`);
}
