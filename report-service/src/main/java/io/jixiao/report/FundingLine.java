package io.jixiao.report;

import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.jixiao.common.money.Funds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: a funding line of a project (资金来源明细). */
@Entity
@Table(name = "rm_funding_line")
public class FundingLine extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;

    public String name;

    public Integer carriedOverFromYear;

    @Embedded
    public Funds funds = new Funds();
}
