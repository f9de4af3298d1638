// A producer built on the official Apache Kafka Java client, for tests that need one not written
// in Node: `java -cp 'test/.cache/kafka/libs/*' test/infra/java/ScriptedProducer.java BOOTSTRAP`
// (JDK 11+ runs a single source file; no build step). It reads a script on stdin, one command a line:
//   producer NAME KEY=VALUE…   create (or switch to) a producer with these client settings
//   begin | commit | abort     the current producer's transaction (initTransactions comes first)
//   send TOPIC<TAB>KEY<TAB>VALUE
//   flush
// and answers "ok" on stdout once every command has been done and every send acknowledged.
// Extra client settings (security) can come from a properties file named by PRODUCER_CONFIG.
import java.io.BufferedReader;
import java.io.FileReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

public class ScriptedProducer {
  public static void main(String[] args) throws Exception {
    Properties base = new Properties();
    String extra = System.getenv("PRODUCER_CONFIG");
    if (extra != null) {
      try (FileReader reader = new FileReader(extra, StandardCharsets.UTF_8)) {
        base.load(reader);
      }
    }
    base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    base.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    base.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    base.put(ProducerConfig.ACKS_CONFIG, "all");
    // Records of a script go out together, so batches hold many records and compression matters.
    base.put(ProducerConfig.LINGER_MS_CONFIG, "50");
    base.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));

    Map<String, KafkaProducer<String, String>> producers = new HashMap<>();
    List<Future<RecordMetadata>> pending = new ArrayList<>();
    KafkaProducer<String, String> current = null;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty()) continue;
        String[] words = line.split(" ", 2);
        switch (words[0]) {
          case "producer": {
            String[] parts = words[1].split(" ");
            current = producers.get(parts[0]);
            if (current == null) {
              Properties props = new Properties();
              props.putAll(base);
              for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                props.put(kv[0], kv[1]);
              }
              current = new KafkaProducer<>(props);
              if (props.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) current.initTransactions();
              producers.put(parts[0], current);
            }
            break;
          }
          case "begin":
            current.beginTransaction();
            break;
          case "commit":
            current.commitTransaction();
            break;
          case "abort":
            current.flush();
            current.abortTransaction();
            break;
          case "flush":
            current.flush();
            break;
          case "send": {
            String[] fields = words[1].split("\t", 3);
            pending.add(current.send(new ProducerRecord<>(fields[0], fields[1].isEmpty() ? null : fields[1], fields[2])));
            break;
          }
          default:
            throw new IllegalArgumentException("unknown command: " + words[0]);
        }
      }
      for (KafkaProducer<String, String> producer : producers.values()) producer.flush();
      for (Future<RecordMetadata> sent : pending) sent.get();
      System.out.println("ok");
    } finally {
      for (KafkaProducer<String, String> producer : producers.values()) producer.close();
    }
  }
}
