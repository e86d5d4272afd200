package org.crmkit.kit;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;

class CachingCustomerRepositoryContractTest extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository createRepository() {
        return new CachingCustomerRepository(new InMemoryCustomerRepository(), Caffeine.newBuilder().maximumSize(100));
    }
}
