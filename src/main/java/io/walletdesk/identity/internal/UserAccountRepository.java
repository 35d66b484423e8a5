package io.walletdesk.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByPhone(String phone);

    Optional<UserAccount> findByEmail(String email);

    boolean existsByPhone(String phone);

    List<UserAccount> findByRoleNotOrderById(io.walletdesk.identity.Role role);

    boolean existsByEmail(String email);

    @Query("""
            SELECT * FROM users WHERE LOWER(display_name) LIKE :pattern OR phone LIKE :pattern OR email LIKE :pattern
            OR CAST(id AS VARCHAR(20)) = :exact ORDER BY id LIMIT 50""")
    List<UserAccount> search(@Param("pattern") String pattern, @Param("exact") String exact);
}
