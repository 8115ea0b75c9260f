package io.jixiao.indicator;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.jixiao.common.money.Funds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A funding line's money as budget.events report it. */
@Entity
@Table(name = "funding_line_ledger")
public class FundingLineLedger extends PanacheEntityBase {

    @Id
    public UUID fundingLineId;

    @Column(nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Embedded
    public Funds funds = new Funds();
}
