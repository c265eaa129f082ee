package io.hookline.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/**
 * The container resources the application defines for itself, so a bare Payara Micro with the ActiveMQ resource
 * adapter deployed needs no further set-up. The broker the adapter talks to is chosen in the post-boot file.
 */
@DataSourceDefinition(
        name = Resources.DATA_SOURCE,
        className = "io.hookline.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        transactional = true,
        // every connection has the same credentials: matching them (the default) serialised callers on a lock
        properties = "fish.payara.match-connections=false")
@JMSConnectionFactoryDefinition(
        name = Resources.CONNECTION_FACTORY,
        resourceAdapter = Resources.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.ConnectionFactory",
        maxPoolSize = 32)
@JMSDestinationDefinition(
        name = Resources.DELIVERY_QUEUE,
        resourceAdapter = Resources.RESOURCE_ADAPTER,
        interfaceName = "jakarta.jms.Queue",
        properties = "PhysicalName=" + Resources.DELIVERY_QUEUE_NAME)
public final class Resources {

    public static final String DATA_SOURCE = "java:app/jdbc/hookline";
    public static final String RESOURCE_ADAPTER = "activemq-rar";
    public static final String CONNECTION_FACTORY = "java:app/jms/hookline";
    public static final String DELIVERY_QUEUE = "java:app/jms/deliveries";
    public static final String DELIVERY_QUEUE_NAME = "hookline.deliveries";

    private Resources() {
    }
}
