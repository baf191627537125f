package xiaoer.app.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import xiaoer.engine.training.ReleaseSeeder;
import xiaoer.engine.training.TrainingTransactions;
import xiaoer.engine.training.TrainingWorkspace;

/**
 * The trainer workspace on the database: the console builds its services from the {@link TrainingWorkspace.Ports}
 * bean, and the live knowledge base starts from {@link ReleaseSeeder} (the latest release; the shipped scripts
 * become release 1 on the first start).
 */
@Configuration(proxyBeanMethods = false)
public class TrainerStorageConfiguration {

    @Bean
    TrainingWorkspace.Ports trainingPorts(JdbcTemplate jdbc, TransactionTemplate tx) {
        TrainingTransactions transactions = new SpringTrainingTransactions(tx);
        return new TrainingWorkspace.Ports(new JdbcDraftStore(jdbc), new JdbcReleaseStore(jdbc),
                new JdbcRegressionCaseStore(jdbc), new JdbcAuditLog(jdbc), new JdbcHandledMisses(jdbc), transactions,
                new JdbcMissSource(jdbc, new ObjectMapper()));
    }

    @Bean
    ReleaseSeeder releaseSeeder(TrainingWorkspace.Ports ports, Clock clock) {
        return new ReleaseSeeder(ports.draft(), ports.releases(), ports.audit(), ports.tx(), clock);
    }
}
