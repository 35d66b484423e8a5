package io.walletdesk.disputes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Loads and saves {@link Complaint}s; saving publishes the events the complaint registered. */
interface ComplaintRepository extends ListCrudRepository<Complaint, Long> {

    Optional<Complaint> findByReferenceAndCustomerUserId(String reference, long customerUserId);

    List<Complaint> findByCustomerUserIdOrderByIdDesc(long customerUserId);

    @Query("SELECT * FROM complaints WHERE status IN (:statuses) ORDER BY answer_due, id")
    List<Complaint> findByStatuses(Collection<String> statuses);
}
